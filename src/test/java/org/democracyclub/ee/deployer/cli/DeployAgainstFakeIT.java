package org.democracyclub.ee.deployer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.democracyclub.ee.deployer.fake.CliRun.COMMIT;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.democracyclub.ee.common.FleetTag;
import org.democracyclub.ee.common.StackOutputs;
import org.democracyclub.ee.deployer.ExitCode;
import org.democracyclub.ee.deployer.fake.Call;
import org.democracyclub.ee.deployer.fake.CliRun;
import org.democracyclub.ee.deployer.fake.FakeAws;
import org.democracyclub.ee.deployer.fake.FakeCodeDeploy;
import org.democracyclub.ee.deployer.fake.Fault;
import org.democracyclub.ee.deployer.fake.Faults;
import org.democracyclub.ee.deployer.fake.Frame;
import org.democracyclub.ee.deployer.fake.Timeline;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code deploy} end to end: the real command line and SDK clients against the local fake. */
// A deployer stuck on an unexpected answer from the fake fails the test instead of hanging the build.
@Timeout(60)
class DeployAgainstFakeIT {
    static final Frame.Diagnostics AFTER_INSTALL_FAILURE = new Frame.Diagnostics("ScriptFailed",
            "deploy/hooks/after_install.sh",
            "Script at specified location: deploy/hooks/after_install.sh run as user every_election failed with exit code 1",
            "[stdout]Running migrations...\n[stderr]django.db.utils.OperationalError: could not connect to server: Connection refused\n");
    private static final String[] FAST = {"--poll-interval", "20ms"};

    private FakeAws fake;

    private FakeAws fake(int inService) throws IOException {
        fake = FakeAws.start(inService);
        fake.ssm().put(StackOutputs.SSM_PARAMETER, CliRun.stackOutputsJson());
        return fake;
    }

    private CliRun deploy(String... extra) {
        // Without --revision, the GitHub revision keeps these scenarios about CodeDeploy alone;
        // bundles uploaded from --app-source: BundleDeployIT.
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("deploy"));
        if (!java.util.List.of(extra).contains("--revision")) {
            args.add("--github-revision");
        }
        args.addAll(java.util.List.of(FAST));
        args.addAll(java.util.List.of(extra));
        return CliRun.against(fake, args.toArray(String[]::new));
    }

    @AfterEach
    void stop() {
        if (fake != null) {
            fake.close();
        }
    }

    @Test
    void a_successful_deployment_exits_0_with_its_id_elapsed_time_and_url() throws IOException {
        fake(2);

        CliRun run = deploy();

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.SUCCEEDED);
        assertThat(fake.codeDeploy().created()).hasSize(1);
        FakeCodeDeploy.Deployment created = fake.codeDeploy().created().get(0);
        assertThat(created.revision.toString()).contains("\"revisionType\":\"GitHub\"", "DemocracyClub/EveryElection", COMMIT);
        assertThat(run.out())
                .contains(created.id + " Created")
                .contains("new instances: AfterInstall | next: ApplicationStart")
                .containsPattern("Succeeded: " + created.id + " deployed .* in \\d+(ms|s); live at https://development.every-election.example");
        assertThat(fake.calls("DeleteAutoScalingGroup")).isEmpty();
        assertThat(fake.calls("StopDeployment")).isEmpty();
        assertThat(fake.autoScaling().group("CodeDeploy_EEDefaultDeploymentGroup_" + created.id).tags)
                .as("the new fleet is marked for the program's fleet detection (ADR 0001)")
                .containsEntry(FleetTag.KEY, "EEDefaultDeploymentGroup");
    }

    @Test
    void the_live_fleet_is_read_from_the_deployment_group_not_the_stack_output() throws IOException {
        fake(2);

        CliRun run = deploy();

        assertThat(run.out()).contains("Live fleet is " + FakeAws.LIVE_FLEET + " (the stack output still says ee-fleet-from-pulumi");
        assertThat(fake.calls("DescribeAutoScalingGroups").get(0).param("AutoScalingGroupNames.member.1")).isEqualTo(FakeAws.LIVE_FLEET);
    }

    @Test
    void a_failure_in_after_install_prints_the_diagnostics_deletes_the_new_fleet_only_and_exits_1() throws IOException {
        fake(2).codeDeploy().onCreate(() -> Timeline.failingIn("AfterInstall", AFTER_INSTALL_FAILURE));

        CliRun run = deploy();

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.FAILED);
        String id = fake.codeDeploy().created().get(0).id;
        assertThat(run.out())
                .contains(id + " Failed")
                .contains("Error HEALTH_CONSTRAINTS: The overall deployment failed")
                .contains("Instance " + Timeline.GREEN_INSTANCES.get(0) + " failed in AfterInstall: script deploy/hooks/after_install.sh, error ScriptFailed")
                .contains("run as user every_election failed with exit code 1")
                .contains("django.db.utils.OperationalError: could not connect to server");
        String replacement = fake.codeDeploy().replacementFleet(id);
        assertThat(fake.calls("DeleteAutoScalingGroup")).extracting(c -> c.param("AutoScalingGroupName"))
                .containsExactly(replacement);
        assertThat(fake.autoScaling().exists(replacement)).isFalse();
        assertThat(fake.autoScaling().exists(FakeAws.LIVE_FLEET)).isTrue();
    }

    @Test
    void with_25_percent_throttling_and_10_percent_server_errors_on_every_call_exactly_one_deployment_is_created() throws IOException {
        // Random faults on every call, plus one sure fault on the services called only once or twice.
        fake(2).faults(Faults.random(20261127, 0.25, 0.10)
                .script("GetParameter", Fault.THROTTLE)
                .script("DescribeAutoScalingGroups", Fault.ERROR_BEFORE));

        CliRun run = deploy();

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.SUCCEEDED);
        assertThat(fake.codeDeploy().created()).hasSize(1);
        List<Call> faulted = fake.calls(c -> c.fault() != Fault.NONE);
        assertThat(faulted).as("faults were injected").hasSizeGreaterThan(5);
        assertThat(faulted).extracting(Call::service).contains("codedeploy", "ssm", "autoscaling");
        assertThat(fake.calls("CreateDeployment")).allSatisfy(c -> assertThat(c.param("description")).contains(COMMIT));
    }

    @Test
    void a_create_whose_answer_is_lost_is_found_again_instead_of_creating_a_second_deployment() throws IOException {
        fake(2).faults(Faults.none().script("CreateDeployment", Fault.ERROR_AFTER));

        CliRun run = deploy();

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.SUCCEEDED);
        assertThat(fake.codeDeploy().created()).hasSize(1);
        assertThat(fake.calls("CreateDeployment")).hasSize(1);
        assertThat(run.out()).contains("CreateDeployment's answer was lost, but " + fake.codeDeploy().created().get(0).id + " was created");
    }

    @Test
    void a_lost_create_that_a_lagging_listing_does_not_show_is_still_recognised_and_not_duplicated() throws IOException {
        fake(2).faults(Faults.none().script("CreateDeployment", Fault.ERROR_AFTER));
        fake.codeDeploy().timeRangeListingLags();

        CliRun run = deploy();

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.SUCCEEDED);
        assertThat(fake.codeDeploy().created()).hasSize(1);
        String id = fake.codeDeploy().created().get(0).id;
        assertThat(fake.calls("CreateDeployment")).extracting(Call::executed).containsExactly(true, false);
        assertThat(run.out()).contains("Deployment " + id + " is ours after all").contains("Succeeded: " + id);
    }

    @Test
    void a_throttled_or_refused_create_is_retried_until_it_succeeds_once() throws IOException {
        fake(2).faults(Faults.none().script("CreateDeployment", Fault.THROTTLE, Fault.ERROR_BEFORE, Fault.THROTTLE));

        CliRun run = deploy();

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.SUCCEEDED);
        assertThat(fake.calls("CreateDeployment")).hasSize(4);
        assertThat(fake.codeDeploy().created()).hasSize(1);
    }

    @Test
    void another_deployment_in_flight_is_waited_for_and_named_with_each_status_change() throws IOException {
        fake(2).codeDeploy().existing("d-OTHER0001", Timeline.inFlight(3), "fedcba9876543210fedcba9876543210fedcba98", Instant.now());

        CliRun run = deploy();

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.SUCCEEDED);
        assertThat(run.out()).contains("Waiting: deployment d-OTHER0001 of EEDefaultDeploymentGroup is InProgress")
                .contains("is free (next: create the deployment)");
        List<Call> calls = fake.calls();
        int create = calls.indexOf(fake.calls("CreateDeployment").get(0));
        assertThat(calls.subList(0, create)).filteredOn(c -> c.action().equals("ListDeployments")).hasSizeGreaterThan(1);
        assertThat(fake.codeDeploy().deployment("d-OTHER0001").frame().status()).isEqualTo("Succeeded");
        assertThat(fake.codeDeploy().created()).hasSize(1);
    }

    @Test
    void a_fleet_at_zero_is_raised_to_the_stack_capacity_and_deployed_once_an_instance_is_in_service() throws IOException {
        fake(0);

        CliRun run = deploy();

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.SUCCEEDED);
        assertThat(fake.calls("UpdateAutoScalingGroup")).singleElement().satisfies(c -> {
            assertThat(c.param("AutoScalingGroupName")).isEqualTo(FakeAws.LIVE_FLEET);
            assertThat(c.param("MinSize")).isEqualTo("1");
            assertThat(c.param("DesiredCapacity")).isEqualTo("2");
            assertThat(c.param("MaxSize")).isEqualTo("4");
        });
        assertThat(run.out()).contains("No instance InService in " + FakeAws.LIVE_FLEET + " (the fleet was scaled down): raising it");
        List<Call> calls = fake.calls();
        assertThat(calls.indexOf(fake.calls("UpdateAutoScalingGroup").get(0)))
                .isLessThan(calls.indexOf(fake.calls("CreateDeployment").get(0)));
    }

    @Test
    void a_timeout_stops_the_deployment_with_rollback_waits_for_it_and_exits_3() throws IOException {
        fake(2).codeDeploy().onCreate(() -> Timeline.stuckIn("AfterInstall"));

        CliRun run = deploy("--timeout", "400ms");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.TIMED_OUT);
        String id = fake.codeDeploy().created().get(0).id;
        assertThat(fake.calls("StopDeployment")).singleElement().satisfies(c -> {
            assertThat(c.param("deploymentId")).isEqualTo(id);
            assertThat(c.param("autoRollbackEnabled")).isEqualTo("true");
        });
        assertThat(run.out()).contains("Timed out after 400ms: stopping " + id + " with automatic rollback")
                .contains(id + " Stopped");
        assertThat(fake.calls("DeleteAutoScalingGroup")).extracting(c -> c.param("AutoScalingGroupName"))
                .containsExactly(fake.codeDeploy().replacementFleet(id));
        assertThat(fake.autoScaling().exists(FakeAws.LIVE_FLEET)).isTrue();
    }

    @Test
    void a_dry_run_reads_but_creates_updates_stops_and_deletes_nothing() throws IOException {
        fake(0);

        CliRun run = deploy("--dry-run");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.SUCCEEDED);
        assertThat(fake.calls()).extracting(Call::action)
                .isNotEmpty()
                .doesNotContain("CreateDeployment", "UpdateAutoScalingGroup", "StopDeployment", "DeleteAutoScalingGroup");
        assertThat(run.out()).contains("Would raise " + FakeAws.LIVE_FLEET + " to min 1, desired 2, max 4")
                .contains("Would create a blue/green deployment of github DemocracyClub/EveryElection@" + COMMIT
                        + " in group EEDefaultDeploymentGroup, copying fleet " + FakeAws.LIVE_FLEET + "; nothing was changed");
    }

    @Test
    void json_output_ends_with_one_object_describing_the_result() throws IOException {
        fake(2).codeDeploy().onCreate(() -> Timeline.failingIn("AfterInstall", AFTER_INSTALL_FAILURE));

        CliRun run = deploy("--json");

        JsonNode result = new ObjectMapper().readTree(run.out());
        assertThat(result.path("outcome").asText()).isEqualTo("FAILED");
        assertThat(result.path("exitCode").asInt()).isEqualTo(ExitCode.FAILED);
        assertThat(result.path("deploymentId").asText()).isEqualTo(fake.codeDeploy().created().get(0).id);
        assertThat(result.path("failures").get(0).path("lifecycleEvent").asText()).isEqualTo("AfterInstall");
        assertThat(result.path("replacementFleetDeleted").asBoolean()).isTrue();
        assertThat(run.err()).contains("Error HEALTH_CONSTRAINTS");
    }

    @Test
    void an_s3_revision_is_deployed_with_its_bundle_type_etag_and_version() throws IOException {
        fake(2);

        CliRun run = deploy("--revision", "s3://ee-bundles/every-election.tar.gz", "--etag", "abc123", "--version", "v7");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.SUCCEEDED);
        assertThat(fake.calls("CreateDeployment").get(0).param("revision"))
                .contains("\"revisionType\":\"S3\"", "\"bucket\":\"ee-bundles\"", "\"key\":\"every-election.tar.gz\"",
                        "\"bundleType\":\"tgz\"", "\"eTag\":\"abc123\"", "\"version\":\"v7\"");
    }

    @Test
    void an_error_that_survives_retries_exits_4_with_the_service_message() throws IOException {
        fake(2).faults(Faults.none().script("GetDeploymentGroup", Fault.ERROR_BEFORE, Fault.ERROR_BEFORE,
                Fault.ERROR_BEFORE, Fault.ERROR_BEFORE, Fault.ERROR_BEFORE, Fault.ERROR_BEFORE));

        CliRun run = deploy();

        assertThat(run.exitCode()).isEqualTo(ExitCode.AWS_UNAVAILABLE);
        assertThat(run.err()).contains("AWS error after retries: CodeDeploy GetDeploymentGroup at " + fake.endpoint()
                        + ": InternalFailure (HTTP 500): injected server error")
                .doesNotContain("at org.democracyclub");
        assertThat(fake.calls("GetDeploymentGroup")).hasSize(6);
        assertThat(fake.calls("CreateDeployment")).isEmpty();
    }
}
