package org.democracyclub.ee.deployer.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.democracyclub.ee.common.StackOutputs;
import org.democracyclub.ee.deployer.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Runs the built jar ({@code mvn -B -o -q package -DskipTests} first) as CI does, configured only
 * through the SDK's environment variables ({@code AWS_ENDPOINT_URL} & co.) against the fake, with
 * the default poll interval and timelines that advance by wall time. It records the outputs for
 * docs/deployer.md and measures how long after the deployment reached its final status the
 * process exited. Not a timed assertion: the numbers are printed and written to target/harness.
 * Run with {@code mvn -B -o -q test -Dtest=JarAgainstFakeHarness}.
 */
// A deployer stuck on an unexpected answer from the fake fails the test instead of hanging the build.
@Timeout(300)
class JarAgainstFakeHarness {
    private static final Path JAR = Path.of("target/ee-deployer.jar");
    private static final Path OUT = Path.of("target/harness");

    @Test
    void measure_exit_delay_and_record_outputs() throws Exception {
        assumeTrue(Files.exists(JAR), "build the jar first");
        Files.createDirectories(OUT);
        List<String> report = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            report.add(run("success-" + i, Timeline.success().advancingEvery(Duration.ofMillis(700 + 150 * i)), ExitCode.SUCCEEDED));
        }
        report.add(run("failure", Timeline.failingIn("AfterInstall", new Frame.Diagnostics("ScriptFailed",
                "deploy/hooks/after_install.sh",
                "Script at specified location: deploy/hooks/after_install.sh run as user every_election failed with exit code 1",
                "[stdout]Running migrations...\n[stderr]django.db.utils.OperationalError: could not connect to server: Connection refused\n"))
                .advancingEvery(Duration.ofMillis(900)), ExitCode.FAILED));
        Files.write(OUT.resolve("exit-delay.txt"), report);
        report.forEach(System.out::println);
    }

    @Test
    void sigterm_while_deploying_prints_how_to_follow_or_stop_and_with_stop_on_cancel_stops_it() throws Exception {
        assumeTrue(Files.exists(JAR), "build the jar first");
        Files.createDirectories(OUT);
        for (boolean stop : new boolean[] {false, true}) {
            try (FakeAws fake = FakeAws.start(2)) {
                fake.ssm().put(StackOutputs.SSM_PARAMETER, CliRun.stackOutputsJson());
                fake.codeDeploy().onCreate(() -> Timeline.stuckIn("AfterInstall"));
                Path log = OUT.resolve("sigterm-" + stop + ".txt");
                ProcessBuilder pb = stop ? jar(fake, log, "deploy", "--github-revision", "--stop-on-cancel") : jar(fake, log, "deploy", "--github-revision");
                Process process = pb.start();
                while (!Files.readString(log).contains("Created deployment")) {
                    assertThat(process.isAlive()).as(Files.readString(log)).isTrue();
                    Thread.sleep(100);
                }
                process.destroy(); // SIGTERM, as a cancelled CI job sends
                process.waitFor();
                String output = Files.readString(log);
                String id = fake.codeDeploy().created().get(0).id;
                if (stop) {
                    assertThat(output).contains("Cancelled: stopping deployment " + id + " with rollback");
                    assertThat(fake.calls("StopDeployment")).singleElement()
                            .satisfies(c -> assertThat(c.param("autoRollbackEnabled")).isEqualTo("true"));
                } else {
                    assertThat(output).contains("Cancelled: deployment " + id + " carries on in CodeDeploy.",
                            "status " + id, "aws deploy stop-deployment --deployment-id " + id + " --auto-rollback-enabled");
                    assertThat(fake.calls("StopDeployment")).isEmpty();
                }
                System.out.println(output);
            }
        }
    }

    private static ProcessBuilder jar(FakeAws fake, Path log, String... args) {
        List<String> command = new ArrayList<>(List.of("java", "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("AWS_"));
        env.put("AWS_ENDPOINT_URL", fake.endpoint().toString());
        env.put("AWS_REGION", "eu-west-2");
        env.put("AWS_ACCESS_KEY_ID", "AKIAFAKE");
        env.put("AWS_SECRET_ACCESS_KEY", "fake-secret");
        env.put("AWS_CONFIG_FILE", OUT.resolve("no-config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", OUT.resolve("no-credentials").toString());
        env.put("COMMIT_SHA", CliRun.COMMIT);
        return pb;
    }

    private String run(String name, Timeline timeline, int expectedExit) throws IOException, InterruptedException {
        try (FakeAws fake = FakeAws.start(2)) {
            fake.ssm().put(StackOutputs.SSM_PARAMETER, CliRun.stackOutputsJson());
            fake.codeDeploy().onCreate(() -> timeline);
            ProcessBuilder pb = jar(fake, OUT.resolve(name + ".txt"), "deploy", "--github-revision");
            Instant started = Instant.now();
            Process process = pb.start();
            int exit = process.waitFor();
            Instant exited = Instant.now();
            String output = Files.readString(OUT.resolve(name + ".txt"), StandardCharsets.UTF_8);
            assertThat(exit).as(output).isEqualTo(expectedExit);
            assertThat(fake.codeDeploy().created()).hasSize(1);
            Instant finished = fake.codeDeploy().created().get(0).finishedAt;
            // One poll = GetDeployment + the targets calls; the rest is set-up and clean-up.
            int polls = fake.calls("GetDeployment").size();
            int pollCalls = polls + fake.calls("ListDeploymentTargets").size() + fake.calls("BatchGetDeploymentTargets").size();
            return String.format("%-10s exit %d, run %5d ms, final status -> process exit %5d ms, %d polls, %.2f calls per poll, %d calls in all",
                    name, exit, Duration.between(started, exited).toMillis(), Duration.between(finished, exited).toMillis(),
                    polls, pollCalls / (double) polls, fake.calls().size());
        }
    }
}
