package org.democracyclub.ee.deployer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import org.democracyclub.ee.common.StackOutputs;
import org.democracyclub.ee.deployer.ExitCode;
import org.democracyclub.ee.deployer.fake.CliRun;
import org.democracyclub.ee.deployer.fake.FakeAws;
import org.democracyclub.ee.deployer.fake.Fault;
import org.democracyclub.ee.deployer.fake.Faults;
import org.democracyclub.ee.deployer.fake.Timeline;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every wait of {@code deploy} is bounded by the timeout, and a bad poll does not end the watch. */
// A deployer stuck on an unexpected answer from the fake fails the test instead of hanging the build.
@Timeout(60)
class DeployWaitsIT {
    private FakeAws fake;

    private FakeAws fake(int inService) throws IOException {
        fake = FakeAws.start(inService);
        fake.ssm().put(StackOutputs.SSM_PARAMETER, CliRun.stackOutputsJson());
        return fake;
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void a_deployment_in_flight_past_the_timeout_exits_3_and_creates_nothing() throws IOException {
        fake(2).codeDeploy().existing("d-OTHER0001", Timeline.alreadyStuckIn("AfterInstall"), "f".repeat(40), Instant.now());

        // On a virtual clock: the outcome must not depend on how fast this machine is.
        CliRun run = CliRun.virtual(fake, new org.democracyclub.ee.deployer.fake.VirtualPacer(0.5), "deploy", "--github-revision", "--timeout", "30s");

        assertThat(run.exitCode()).isEqualTo(ExitCode.TIMED_OUT);
        assertThat(run.err()).contains("Timed out: deployment d-OTHER0001 was still InProgress when the timeout passed; nothing was deployed");
        assertThat(fake.calls("CreateDeployment")).isEmpty();
        assertThat(fake.calls("StopDeployment")).as("someone else's deployment is not ours to stop").isEmpty();
    }

    @Test
    void a_fleet_that_never_comes_in_service_exits_3_and_creates_nothing() throws IOException {
        fake(0).autoScaling().warmUpDescribes(1_000);

        // On a virtual clock: the outcome must not depend on how fast this machine is.
        CliRun run = CliRun.virtual(fake, new org.democracyclub.ee.deployer.fake.VirtualPacer(0.5), "deploy", "--github-revision", "--timeout", "30s");

        assertThat(run.exitCode()).isEqualTo(ExitCode.TIMED_OUT);
        assertThat(run.err()).contains("no instance of " + FakeAws.LIVE_FLEET + " came InService before the timeout");
        assertThat(fake.calls("UpdateAutoScalingGroup")).hasSize(1);
        assertThat(fake.calls("CreateDeployment")).isEmpty();
    }

    @Test
    void a_poll_that_fails_after_the_sdks_retries_is_reported_and_the_watch_goes_on() throws IOException {
        fake(2).faults(Faults.none().script("GetDeployment", Fault.ERROR_BEFORE, Fault.ERROR_BEFORE, Fault.ERROR_BEFORE,
                Fault.ERROR_BEFORE, Fault.ERROR_BEFORE, Fault.ERROR_BEFORE));

        CliRun run = CliRun.against(fake, "deploy", "--github-revision", "--poll-interval", "20ms");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.SUCCEEDED);
        String id = fake.codeDeploy().created().get(0).id;
        assertThat(run.out()).contains("Polling " + id + " failed 1 time(s) in a row (CodeDeploy GetDeployment at " + fake.endpoint()
                        + ": InternalFailure (HTTP 500)")
                .contains("next poll in 40 ms");
    }

    @Test
    void a_deployment_started_by_another_job_just_before_ours_is_waited_for_then_ours_is_created() throws IOException {
        fake(2).codeDeploy().beforeNextCreate(() -> fake.codeDeploy()
                .existing("d-RACE00001", Timeline.inFlight(2), "e".repeat(40), Instant.now()));

        CliRun run = CliRun.against(fake, "deploy", "--github-revision", "--poll-interval", "20ms");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.SUCCEEDED);
        assertThat(run.out()).contains("CreateDeployment refused: the group is busy (The Deployment Group 'EEDefaultDeploymentGroup' "
                + "already has an active Deployment 'd-RACE00001'); waiting")
                .contains("Waiting: deployment d-RACE00001");
        assertThat(fake.calls("CreateDeployment")).hasSize(2);
        assertThat(fake.codeDeploy().created()).hasSize(1);
        assertThat(fake.codeDeploy().deployment("d-RACE00001").frame().status()).isEqualTo("Succeeded");
    }

    @Test
    void rollback_dry_run_names_the_revision_it_would_deploy_and_changes_nothing() throws IOException {
        fake(2).codeDeploy()
                .existing("d-AAAAAAAA1", Timeline.finished("Succeeded"), "a".repeat(40), Instant.now().minusSeconds(7200))
                .existing("d-CCCCCCCC3", Timeline.finished("Succeeded"), "c".repeat(40), Instant.now().minusSeconds(3600));

        CliRun run = CliRun.against(fake, "rollback", "--dry-run");

        assertThat(run.exitCode()).isEqualTo(ExitCode.SUCCEEDED);
        assertThat(run.out()).contains("Dry run: would deploy github DemocracyClub/EveryElection@" + "a".repeat(40));
        assertThat(fake.calls()).extracting(c -> c.action())
                .doesNotContain("CreateDeployment", "UpdateAutoScalingGroup", "StopDeployment", "DeleteAutoScalingGroup");
    }
}
