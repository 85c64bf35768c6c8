package org.democracyclub.ee.deployer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.democracyclub.ee.common.FleetTag;
import org.democracyclub.ee.common.StackOutputs;
import org.democracyclub.ee.deployer.ExitCode;
import org.democracyclub.ee.deployer.fake.Call;
import org.democracyclub.ee.deployer.fake.CliRun;
import org.democracyclub.ee.deployer.fake.FakeAutoScaling;
import org.democracyclub.ee.deployer.fake.FakeAws;
import org.democracyclub.ee.deployer.fake.Fault;
import org.democracyclub.ee.deployer.fake.Faults;
import org.democracyclub.ee.deployer.fake.Frame;
import org.democracyclub.ee.deployer.fake.Timeline;
import org.democracyclub.ee.deployer.fake.VirtualPacer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code deploy} where CodeDeploy's documented behaviour could harm production: capacity that
 * never reaches the copied fleet, an automatic rollback, a timeout after traffic moved, a busy
 * group the listing does not show, unreadable diagnostics, secrets in log tails. On a virtual
 * clock: every wait takes no real time and the same jitter every run.
 */
@Timeout(60)
class SafeDeploymentIT {
    private FakeAws fake;
    private final VirtualPacer pacer = new VirtualPacer(0.5);

    private FakeAws fake(int inService) throws IOException {
        fake = FakeAws.start(inService);
        fake.ssm().put(StackOutputs.SSM_PARAMETER, CliRun.stackOutputsJson());
        return fake;
    }

    private CliRun deploy(String... extra) {
        String[] args = new String[extra.length + 2];
        args[0] = "deploy";
        args[1] = "--github-revision";
        System.arraycopy(extra, 0, args, 2, extra.length);
        return CliRun.virtual(fake, pacer, args);
    }

    @AfterEach
    void stop() {
        if (fake != null) {
            fake.close();
        }
    }

    @Test
    void the_stacks_capacity_is_applied_to_the_live_fleet_before_the_deployment_so_the_copy_has_it() throws IOException {
        fake(2);
        FakeAutoScaling.Group live = fake.autoScaling().group(FakeAws.LIVE_FLEET);
        live.min = 1;
        live.desired = 2;
        live.max = 2;

        CliRun run = deploy();

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.SUCCEEDED);
        List<String> actions = fake.calls().stream().map(Call::action).toList();
        assertThat(actions.indexOf("UpdateAutoScalingGroup")).isGreaterThanOrEqualTo(0).isLessThan(actions.indexOf("CreateDeployment"));
        assertThat(fake.calls("UpdateAutoScalingGroup")).singleElement().satisfies(c -> {
            assertThat(c.param("AutoScalingGroupName")).isEqualTo(FakeAws.LIVE_FLEET);
            assertThat(c.param("MinSize")).isEqualTo("1");
            assertThat(c.param("DesiredCapacity")).isEqualTo("2");
            assertThat(c.param("MaxSize")).isEqualTo("4");
        });
        assertThat(run.out()).contains("Capacity: applied the stack's min 1, desired 2, max 4 to " + FakeAws.LIVE_FLEET
                + " (was min 1, desired 2, max 2)");
        String id = fake.codeDeploy().created().get(0).id;
        assertThat(fake.autoScaling().group(fake.codeDeploy().replacementFleet(id)).max).isEqualTo(4);
    }

    @Test
    void a_fleet_that_already_has_the_stacks_capacity_is_not_updated() throws IOException {
        fake(2).autoScaling().group(FakeAws.LIVE_FLEET).min = 1;

        CliRun run = deploy();

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.SUCCEEDED);
        assertThat(fake.calls("UpdateAutoScalingGroup")).isEmpty();
        assertThat(run.out()).contains("already has the stack's min 1, desired 2, max 4");
    }

    @Test
    void a_stack_kept_powered_off_is_not_applied_to_a_running_fleet() throws IOException {
        fake(2).ssm().put(StackOutputs.SSM_PARAMETER, CliRun.stackOutputsJson()
                .replace("\"minSize\": 1", "\"minSize\": 0").replace("\"desiredCapacity\": 2", "\"desiredCapacity\": 0"));

        CliRun run = deploy();

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.SUCCEEDED);
        assertThat(fake.calls("UpdateAutoScalingGroup")).isEmpty();
        assertThat(run.out()).contains("(powered off); not applied to the running fleet");
    }

    @Test
    void waking_a_fleet_waits_for_the_launch_hook_deployment_it_triggers_then_deploys() throws IOException {
        fake(0).codeDeploy().launchHookOnScaleOut();

        CliRun run = deploy();

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.SUCCEEDED);
        assertThat(run.out()).contains("raising it to min 1, desired 2, max 4")
                .containsPattern("Waiting: deployment d-LAUNCH\\d{3} of EEDefaultDeploymentGroup is InProgress");
        var launch = fake.codeDeploy().deployment("d-LAUNCH001");
        assertThat(launch.creator).isEqualTo("autoscaling");
        assertThat(launch.frame().status()).isEqualTo("Succeeded");
        assertThat(fake.codeDeploy().created()).hasSize(1);
    }

    @Test
    void the_new_fleet_is_marked_whether_or_not_codedeploy_copies_the_live_fleets_tags() throws IOException {
        fake(2).autoScaling().copiesTags(true).group(FakeAws.LIVE_FLEET).tags.put(FleetTag.KEY, FakeAws.GROUP);

        CliRun run = deploy();

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.SUCCEEDED);
        String id = fake.codeDeploy().created().get(0).id;
        assertThat(fake.autoScaling().group(fake.codeDeploy().replacementFleet(id)).tags)
                .containsEntry(FleetTag.KEY, FakeAws.GROUP);
        assertThat(fake.calls("CreateOrUpdateTags")).hasSize(1);
    }

    @Test
    void after_a_failure_the_automatic_rollback_is_followed_to_its_end_before_anything_is_deleted() throws IOException {
        fake(2).codeDeploy()
                .onCreate(() -> Timeline.failingIn("AfterInstall", DeployAgainstFakeIT.AFTER_INSTALL_FAILURE))
                .autoRollbackOnFailure(() -> Timeline.inFlight(3));

        CliRun run = deploy();

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.FAILED);
        var failed = fake.codeDeploy().created().get(0);
        String rollback = failed.rollbackDeploymentId;
        assertThat(rollback).isNotNull();
        assertThat(fake.codeDeploy().deployment(rollback).creator).isEqualTo("codeDeployRollback");
        assertThat(run.out())
                .contains("CodeDeploy rolls " + failed.id + " back with deployment " + rollback)
                .contains("Rollback " + rollback + " Succeeded: the previous revision")
                .contains("Deleted replacement fleet " + fake.codeDeploy().replacementFleet(failed.id));
        assertThat(run.out().indexOf("Rollback " + rollback + " Succeeded"))
                .isLessThan(run.out().indexOf("Deleted replacement fleet"));
        assertThat(fake.codeDeploy().deletedWhileInUse()).isEmpty();
        assertThat(fake.autoScaling().exists(FakeAws.LIVE_FLEET)).isTrue();

        CliRun status = CliRun.virtual(fake, pacer, "status", failed.id);
        assertThat(status.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(status.out()).contains(failed.id + " was rolled back by " + rollback);
    }

    @Test
    void a_timeout_after_traffic_moved_does_not_stop_the_deployment_and_ends_on_its_real_outcome() throws IOException {
        fake(2).codeDeploy().onCreate(() -> Timeline.terminationWait(5));

        // Polls every 4 s (virtual): traffic moves at ~40 s, the deployment ends at ~64 s.
        CliRun run = deploy("--timeout", "50s");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.SUCCEEDED);
        String id = fake.codeDeploy().created().get(0).id;
        assertThat(fake.calls("StopDeployment")).isEmpty();
        assertThat(run.out())
                .contains(id + ": the replacement fleet serves the traffic now")
                .contains("passed after traffic moved: " + id + " is not stopped; the new fleet serves and the old one will be terminated")
                .contains("Succeeded: " + id);
    }

    @Test
    void a_timeout_before_traffic_moved_still_stops_with_rollback() throws IOException {
        fake(2).codeDeploy().onCreate(() -> Timeline.stuckIn("AfterInstall"));

        CliRun run = deploy("--timeout", "30s");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.TIMED_OUT);
        assertThat(fake.calls("StopDeployment")).singleElement()
                .satisfies(c -> assertThat(c.param("autoRollbackEnabled")).isEqualTo("true"));
    }

    @Test
    void a_create_refused_as_busy_while_the_listing_shows_nothing_backs_off_with_jitter() throws IOException {
        fake(2).codeDeploy().busyUnlisted(5);

        CliRun run = deploy();

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.SUCCEEDED);
        assertThat(fake.calls("CreateDeployment")).hasSize(6);
        // Poll interval 4 s, doubling to 30 s; with jitter 0.5 each wait is 3/4 of its ceiling.
        assertThat(run.out()).contains("already has an active Deployment 'd-UNLISTED1'); waiting 3s before looking again",
                "waiting 6s before", "waiting 12s before", "waiting 22s before");
        assertThat(pacer.sleeps()).contains(Duration.ofMillis(3000), Duration.ofMillis(6000), Duration.ofMillis(12000),
                Duration.ofMillis(22500));
        assertThat(fake.calls("ListDeployments").size()).isLessThanOrEqualTo(8);
    }

    @Test
    void a_ready_deployment_is_reported_with_how_to_reroute_traffic() throws IOException {
        fake(2).codeDeploy().onCreate(Timeline::waitingForReroute);

        CliRun run = deploy("--timeout", "30s");

        String id = fake.codeDeploy().created().get(0).id;
        assertThat(run.out()).contains(id + " is Ready: the replacement fleet is installed and waits for traffic to be rerouted by hand")
                .contains("aws deploy continue-deployment --deployment-id " + id + " --deployment-wait-type READY_WAIT");
        assertThat(run.exitCode()).isEqualTo(ExitCode.TIMED_OUT);
    }

    @Test
    void instance_targets_that_cannot_be_read_do_not_end_the_watch_with_exit_4() throws IOException {
        Fault[] sixErrors = {Fault.ERROR_BEFORE, Fault.ERROR_BEFORE, Fault.ERROR_BEFORE, Fault.ERROR_BEFORE,
                Fault.ERROR_BEFORE, Fault.ERROR_BEFORE};
        fake(2).faults(Faults.none().script("ListDeploymentTargets", sixErrors));

        CliRun run = deploy();

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.SUCCEEDED);
        String id = fake.codeDeploy().created().get(0).id;
        assertThat(run.out()).contains("Could not read the instances of " + id + " (CodeDeploy ListDeploymentTargets at "
                        + fake.endpoint() + ": InternalFailure (HTTP 500)")
                .contains("still following the deployment's own status")
                .contains("The instances of " + id + " can be read again");
    }

    @Test
    void diagnostics_that_cannot_be_read_after_a_failure_still_end_in_exit_1_and_clean_up() throws IOException {
        fake(2).codeDeploy().onCreate(() -> Timeline.failingIn("AfterInstall", DeployAgainstFakeIT.AFTER_INSTALL_FAILURE)
                .ended());
        fake.faults(Faults.none().script("ListDeploymentTargets", Fault.NONE, Fault.ERROR_BEFORE, Fault.ERROR_BEFORE,
                Fault.ERROR_BEFORE, Fault.ERROR_BEFORE, Fault.ERROR_BEFORE, Fault.ERROR_BEFORE));

        CliRun run = deploy();

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.FAILED);
        assertThat(run.out()).contains("Could not read the instance diagnostics of");
        assertThat(fake.calls("DeleteAutoScalingGroup")).hasSize(1);
    }

    @Test
    void secret_looking_values_in_a_hook_log_tail_are_redacted_in_the_log_and_the_json() throws IOException {
        Frame.Diagnostics leaky = new Frame.Diagnostics("ScriptFailed", "ee-deploy/hooks/after_install.sh",
                "Script failed with exit code 1",
                "[stdout]EE_SECRET_KEY='django-insecure-abc123'\n[stdout]EE_DATABASE_HOST=db.internal\n"
                        + "[stderr]export EE_DATABASE_PASSWORD=hunter2 AWS key AKIAABCDEFGHIJKLMNOP\n"
                        + "[stderr]connecting to postgres://every_election:s3cr3t@db.internal/ee\n");
        fake(2).codeDeploy().onCreate(() -> Timeline.failingIn("AfterInstall", leaky));

        CliRun run = deploy("--json");

        assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED);
        String all = run.out() + run.err();
        assertThat(all).doesNotContain("django-insecure-abc123", "hunter2", "AKIAABCDEFGHIJKLMNOP", "s3cr3t")
                .contains("EE_SECRET_KEY=[redacted]", "EE_DATABASE_PASSWORD=[redacted]", "EE_DATABASE_HOST=db.internal",
                        "postgres://every_election:[redacted]@db.internal/ee");
        assertThat(run.out()).contains("\"logTail\":").contains("EE_SECRET_KEY=[redacted]");
    }
}
