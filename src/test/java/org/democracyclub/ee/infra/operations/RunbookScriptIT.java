package org.democracyclub.ee.infra.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runbooks' Python logic (operations/ops_runbook.py, the very file the SSM documents embed),
 * run with python3 against stub AWS clients that answer from a described world and record every
 * call (src/test/resources/operations/stub_harness.py).
 */
class RunbookScriptIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LIVE = "CodeDeploy_EEDefaultDeploymentGroup_d-LIVE00001";
    private static final String REPLACEMENT = "CodeDeploy_EEDefaultDeploymentGroup_d-NEW000002";

    @TempDir
    Path dir;

    @BeforeEach
    void copyTheScripts() throws IOException {
        copy("/operations/ops_runbook.py", "ops_runbook.py");
        copy("/operations/stub_harness.py", "stub_harness.py");
    }

    private void copy(String resource, String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream(resource)) {
            Files.write(dir.resolve(name), in.readAllBytes());
        }
    }

    private JsonNode run(String handler, Map<String, Object> events, Map<String, Object> world) throws Exception {
        Process python = new ProcessBuilder("python3", dir.resolve("stub_harness.py").toString())
                .directory(dir.toFile()).redirectErrorStream(false).start();
        python.getOutputStream().write(JSON.writeValueAsBytes(Map.of("handler", handler, "events", events,
                "world", world)));
        python.getOutputStream().close();
        String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(python.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(python.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(python.exitValue()).as(err).isZero();
        return JSON.readTree(out);
    }

    private static Map<String, Object> instance(String id, String state, String health) {
        return Map.of("InstanceId", id, "LifecycleState", state, "HealthStatus", health);
    }

    private static Map<String, Object> jobEvents(String job, String executionId) {
        Map<String, Object> events = new LinkedHashMap<>();
        events.put("JobName", job);
        events.put("Command", "manage-py-command snoop");
        events.put("Document", OpsNames.RUN_JOB_DOCUMENT);
        events.put("ExecutionId", executionId);
        events.put("Application", "EECodeDeploy");
        events.put("DeploymentGroup", "EEDefaultDeploymentGroup");
        return events;
    }

    /** Two fleets: the live one the deployment group names, and a replacement still being installed. */
    private static Map<String, Object> twoFleets() {
        Map<String, Object> world = new LinkedHashMap<>();
        world.put("deploymentGroupFleets", List.of(LIVE));
        world.put("groups", Map.of(
                LIVE, List.of(instance("i-0000000000000000c", "InService", "Healthy"),
                        instance("i-0000000000000000b", "InService", "Unhealthy"),
                        instance("i-0000000000000000a", "Terminating", "Healthy"),
                        instance("i-0000000000000000d", "InService", "Healthy")),
                REPLACEMENT, List.of(instance("i-00000000000000001", "InService", "Healthy"))));
        world.put("executions", List.of(Map.of("id", "own", "document", OpsNames.RUN_JOB_DOCUMENT, "job", "snoop",
                "status", "InProgress", "start", "2026-05-07T10:30:00Z")));
        return world;
    }

    @Test
    void aJobRunsOnAHealthyInServiceInstanceOfTheFleetTheDeploymentGroupNamesNeverOnTheReplacement() throws Exception {
        JsonNode answer = run("select_instance", jobEvents("snoop", "own"), twoFleets());
        assertThat(answer.path("error").isNull()).as(answer.toString()).isTrue();
        // i-...a is terminating, i-...b unhealthy; of c and d the smallest ID is taken, so the choice is stable.
        assertThat(answer.at("/result/InstanceId").asText()).isEqualTo("i-0000000000000000c");
        assertThat(answer.at("/result/Fleets").toString()).isEqualTo("[\"" + LIVE + "\"]");
    }

    @Test
    void anInstanceWhoseSsmAgentIsOfflineIsPassedOver() throws Exception {
        Map<String, Object> world = twoFleets();
        world.put("offline", List.of("i-0000000000000000c"));
        assertThat(run("select_instance", jobEvents("snoop", "own"), world).at("/result/InstanceId").asText())
                .isEqualTo("i-0000000000000000d");
    }

    @Test
    void withNoHealthyInstanceTheJobFailsAndSaysWhy() throws Exception {
        Map<String, Object> world = twoFleets();
        world.put("groups", Map.of(LIVE, List.of(instance("i-0000000000000000b", "InService", "Unhealthy")),
                REPLACEMENT, List.of(instance("i-00000000000000001", "InService", "Healthy"))));
        JsonNode answer = run("select_instance", jobEvents("snoop", "own"), world);
        assertThat(answer.path("error").asText())
                .contains("no InService, Healthy instance").contains(LIVE).contains("job snoop did not run");
        assertThat(answer.path("error").asText()).doesNotContain(REPLACEMENT);
    }

    @Test
    void aRunOfTheSameJobStillGoingMakesTheNewRunStepAside() throws Exception {
        Map<String, Object> world = twoFleets();
        List<Object> executions = new ArrayList<>((List<?>) world.get("executions"));
        executions.add(Map.of("id", "earlier", "document", OpsNames.RUN_JOB_DOCUMENT, "job", "snoop",
                "status", "InProgress", "start", "2026-05-07T09:30:00Z"));
        world.put("executions", executions);
        JsonNode answer = run("select_instance", jobEvents("snoop", "own"), world);
        assertThat(answer.path("error").asText()).contains("job snoop is still running (earlier)")
                .contains("never overlap");
        // Nothing was asked of the fleets: the run stopped before choosing an instance.
        assertThat(answer.path("calls").toString()).doesNotContain("describe_auto_scaling_groups");
    }

    @Test
    void otherJobsFinishedRunsAndLaterRunsDoNotBlock() throws Exception {
        Map<String, Object> world = twoFleets();
        List<Object> executions = new ArrayList<>((List<?>) world.get("executions"));
        executions.add(Map.of("id", "backup-running", "document", OpsNames.RUN_JOB_DOCUMENT, "job", "backup",
                "status", "InProgress", "start", "2026-05-07T09:30:00Z"));
        executions.add(Map.of("id", "snoop-done", "document", OpsNames.RUN_JOB_DOCUMENT, "job", "snoop",
                "status", "Success", "start", "2026-05-07T09:30:00Z"));
        executions.add(Map.of("id", "snoop-later", "document", OpsNames.RUN_JOB_DOCUMENT, "job", "snoop",
                "status", "InProgress", "start", "2026-05-07T10:31:00Z"));
        world.put("executions", executions);
        JsonNode answer = run("select_instance", jobEvents("snoop", "own"), world);
        assertThat(answer.path("error").isNull()).as(answer.toString()).isTrue();
        assertThat(answer.at("/result/InstanceId").asText()).isEqualTo("i-0000000000000000c");
    }

    @Test
    void theCommandRunsAsTheAppUserInTheCodeDirectoryWithItsExitStatusAndPasswordsMasked() throws Exception {
        Path code = Files.createDirectories(dir.resolve("code"));
        Path bin = Files.createDirectories(dir.resolve("bin"));
        // Stand-in for runuser: records the user, drops "-u USER --", runs the rest.
        Path runuser = bin.resolve("runuser");
        Files.writeString(runuser, "#!/bin/bash\necho \"runuser as $2\"\nshift 3\nexec \"$@\"\n");
        Files.setPosixFilePermissions(runuser, PosixFilePermissions.fromString("rwxr-xr-x"));
        String path = bin + ":/usr/bin:/bin";
        JsonNode answer = run("run_line", Map.of("codeDir", code.toString(), "path", path,
                "Command", "set -x; export PGPASSWORD='s3cret it is'; pwd; echo \"it's $HOME\"; exit 3"), Map.of());
        JsonNode result = answer.path("result");
        assertThat(result.path("exit").asInt()).as(answer.toString()).isEqualTo(3);
        assertThat(result.path("output").asText())
                .contains("runuser as every_election")
                .contains(code.toString())
                .contains("it's " + code)
                .contains("PASSWORD=[masked]")
                .doesNotContain("s3cret");
    }

    @Test
    void powerOffScalesEveryLiveFleetToZeroAndNothingElse() throws Exception {
        Map<String, Object> events = Map.of("Action", "PowerOff", "Application", "EECodeDeploy",
                "DeploymentGroup", "EEDefaultDeploymentGroup", "MinSize", 1, "DesiredCapacity", 1);
        JsonNode answer = run("power", events, twoFleets());
        assertThat(updates(answer)).containsExactly(LIVE + " min=0 desired=0");
    }

    @Test
    void powerIsLeftAloneWhileADeploymentIsUnderWay() throws Exception {
        Map<String, Object> world = twoFleets();
        world.put("deploymentsInProgress", List.of("d-NEW000002"));
        JsonNode answer = run("power", Map.of("Action", "PowerOff", "Application", "EECodeDeploy",
                "DeploymentGroup", "EEDefaultDeploymentGroup", "MinSize", 1, "DesiredCapacity", 1), world);
        assertThat(answer.path("error").asText()).contains("deployment d-NEW000002 is under way");
        assertThat(updates(answer)).isEmpty();
    }

    @Test
    void powerOnRestoresTheStacksCapacityOrABusyWindowsMinimum() throws Exception {
        Map<String, Object> events = new LinkedHashMap<>(Map.of("Action", "PowerOn", "Application", "EECodeDeploy",
                "DeploymentGroup", "EEDefaultDeploymentGroup", "MinSize", 1, "DesiredCapacity", 2,
                "Now", "2026-05-07T21:00:00Z"));
        assertThat(updates(run("power", events, twoFleets()))).containsExactly(LIVE + " min=1 desired=2");
        events.put("BusyWindows", List.of(Map.of("start", "2026-05-07T20:00:00Z", "end", "2026-05-08T04:00:00Z",
                "minSize", 4)));
        assertThat(updates(run("power", events, twoFleets()))).containsExactly(LIVE + " min=4 desired=4");
    }

    @Test
    void scalingIsAppliedToTheLiveFleetTargetTrackingAndBusyWindowsReplacingStaleOnes() throws Exception {
        Map<String, Object> world = twoFleets();
        world.put("scheduledActions", List.of("ee-busy-7-start", "someone-elses-action"));
        Map<String, Object> events = new LinkedHashMap<>();
        events.put("Application", "EECodeDeploy");
        events.put("DeploymentGroup", "EEDefaultDeploymentGroup");
        events.put("MinSize", 2);
        events.put("RequestsPerTarget", 600);
        events.put("ResourceLabel", "app/ee-alb/1/targetgroup/ee-alb-tg/2");
        events.put("Now", "2026-05-01T12:00:00Z");
        events.put("BusyWindows", List.of(
                Map.of("start", "2026-05-07T20:00:00Z", "end", "2026-05-08T04:00:00Z", "minSize", 4),
                Map.of("start", "2026-04-01T20:00:00Z", "end", "2026-04-02T04:00:00Z", "minSize", 3)));
        JsonNode calls = run("apply_scaling", events, world).path("calls");
        List<String> writes = new ArrayList<>();
        for (JsonNode call : calls) {
            String op = call.path("operation").asText();
            if (!op.startsWith("describe") && !op.startsWith("get") && !op.startsWith("list")) {
                writes.add(op + " " + call.path("args").path("AutoScalingGroupName").asText() + " "
                        + call.path("args").path("ScheduledActionName").asText()
                        + call.path("args").path("PolicyName").asText()
                        + " " + call.path("args").path("MinSize").asText()
                        + call.at("/args/TargetTrackingConfiguration/PredefinedMetricSpecification/ResourceLabel").asText());
            }
        }
        assertThat(writes).containsExactly(
                "put_scaling_policy " + LIVE + " ee-requests-per-target app/ee-alb/1/targetgroup/ee-alb-tg/2",
                "delete_scheduled_action " + LIVE + " ee-busy-7-start ",
                "put_scheduled_update_group_action " + LIVE + " ee-busy-0-end 2",
                "put_scheduled_update_group_action " + LIVE + " ee-busy-0-start 4");
    }

    @Test
    void withTargetTrackingTurnedOffAnExistingPolicyIsRemoved() throws Exception {
        Map<String, Object> world = twoFleets();
        world.put("policies", List.of("ee-requests-per-target"));
        Map<String, Object> events = new LinkedHashMap<>(Map.of("Application", "EECodeDeploy",
                "DeploymentGroup", "EEDefaultDeploymentGroup", "MinSize", 1, "RequestsPerTarget", 0,
                "ResourceLabel", "x", "Now", "2026-05-01T12:00:00Z"));
        assertThat(run("apply_scaling", events, world).path("calls").toString())
                .contains("\"operation\":\"delete_policy\"").doesNotContain("put_scaling_policy");
    }

    private static List<String> updates(JsonNode answer) {
        List<String> updates = new ArrayList<>();
        for (JsonNode call : answer.path("calls")) {
            if (call.path("operation").asText().equals("update_auto_scaling_group")) {
                JsonNode args = call.path("args");
                updates.add(args.path("AutoScalingGroupName").asText() + " min=" + args.path("MinSize").asText()
                        + " desired=" + args.path("DesiredCapacity").asText());
            }
        }
        return updates;
    }
}
