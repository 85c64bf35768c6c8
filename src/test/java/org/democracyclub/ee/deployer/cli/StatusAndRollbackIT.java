package org.democracyclub.ee.deployer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.democracyclub.ee.common.StackOutputs;
import org.democracyclub.ee.deployer.ExitCode;
import org.democracyclub.ee.deployer.fake.CliRun;
import org.democracyclub.ee.deployer.fake.FakeAws;
import org.democracyclub.ee.deployer.fake.Timeline;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code status} and {@code rollback} against the fake's deployment history. */
// A deployer stuck on an unexpected answer from the fake fails the test instead of hanging the build.
@Timeout(60)
class StatusAndRollbackIT {
    static final String COMMIT_A = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    static final String COMMIT_B = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
    static final String COMMIT_C = "cccccccccccccccccccccccccccccccccccccccc";
    private FakeAws fake;
    private final Instant now = Instant.now();

    @BeforeEach
    void start() throws IOException {
        fake = FakeAws.start(2);
        fake.ssm().put(StackOutputs.SSM_PARAMETER, CliRun.stackOutputsJson());
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private void history() {
        // Listed out of order on purpose: the deployer sorts by creation time.
        fake.codeDeploy()
                .existing("d-CCCCCCCC3", Timeline.finished("Succeeded"), COMMIT_C, now.minus(Duration.ofHours(1)))
                .existing("d-AAAAAAAA1", Timeline.finished("Succeeded"), COMMIT_A, now.minus(Duration.ofHours(3)))
                .existing("d-BBBBBBBB2", Timeline.failingIn("AfterInstall", DeployAgainstFakeIT.AFTER_INSTALL_FAILURE).ended(),
                        COMMIT_B, now.minus(Duration.ofHours(2)));
    }

    @Test
    void status_without_an_id_shows_the_latest_deployment() {
        history();

        CliRun run = CliRun.against(fake, "status");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.SUCCEEDED);
        assertThat(run.out()).contains("d-CCCCCCCC3 of EECodeDeploy/EEDefaultDeploymentGroup: github DemocracyClub/EveryElection@" + COMMIT_C)
                .contains("d-CCCCCCCC3 Succeeded");
    }

    @Test
    void status_of_a_failed_deployment_shows_the_same_diagnostics_as_deploy_and_exits_1() {
        history();

        CliRun run = CliRun.against(fake, "status", "d-BBBBBBBB2");

        assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(run.out()).contains("d-BBBBBBBB2 Failed")
                .contains("Error HEALTH_CONSTRAINTS")
                .contains("failed in AfterInstall: script deploy/hooks/after_install.sh, error ScriptFailed")
                .contains("django.db.utils.OperationalError");
        assertThat(fake.calls()).extracting(c -> c.action())
                .doesNotContain("CreateDeployment", "StopDeployment", "DeleteAutoScalingGroup", "UpdateAutoScalingGroup");
    }

    @Test
    void status_of_a_group_without_deployments_exits_2() {
        CliRun run = CliRun.against(fake, "status");

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("has no deployments");
    }

    @Test
    void status_with_a_malformed_id_exits_2_without_calling_aws() {
        CliRun run = CliRun.against(fake, "status", "12345");

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(fake.calls()).isEmpty();
    }

    @Test
    void rollback_redeploys_the_revision_of_the_successful_deployment_before_the_current_one() {
        history();

        CliRun run = CliRun.against(fake, "rollback", "--poll-interval", "20ms");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.SUCCEEDED);
        assertThat(fake.codeDeploy().created()).singleElement().satisfies(d -> {
            assertThat(d.revision.toString()).contains(COMMIT_A).doesNotContain(COMMIT_C);
            assertThat(d.description).contains("rollback to the revision of d-AAAAAAAA1");
        });
        assertThat(run.out()).contains("Rolling back to the revision of d-AAAAAAAA1")
                .contains("Succeeded: " + fake.codeDeploy().created().get(0).id);
    }

    @Test
    void rollback_with_nothing_earlier_to_return_to_exits_2_and_creates_nothing() {
        fake.codeDeploy().existing("d-CCCCCCCC3", Timeline.finished("Succeeded"), COMMIT_C, now);

        CliRun run = CliRun.against(fake, "rollback");

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("nothing earlier to roll back to");
        assertThat(fake.calls("CreateDeployment")).isEmpty();
    }
}
