package org.democracyclub.ee.deployer.deploy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.democracyclub.ee.deployer.aws.AwsClients;
import org.democracyclub.ee.deployer.outputs.DeployTarget;
import software.amazon.awssdk.services.codedeploy.model.DeploymentAlreadyCompletedException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentInfo;
import software.amazon.awssdk.services.codedeploy.model.DeploymentLimitExceededException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentStatus;

/**
 * One blue/green deployment from start to end: a fleet to copy, a free group, exactly one created
 * deployment, watched until it finishes, explained and cleaned up when it fails, stopped with
 * rollback when it runs out of time. Used by both {@code deploy} and {@code rollback}.
 */
public final class Deployer {
    /** How long to wait for a timed-out deployment to stop before giving up on watching it. */
    static final Duration STOP_GRACE = Duration.ofMinutes(15);
    /**
     * How long to follow a deployment whose traffic has moved after the timeout: the original
     * fleet's termination wait is at most 2880 minutes (BlueInstanceTerminationOption,
     * terminationWaitTimeInMinutes, CodeDeploy API reference), plus an hour for the rest.
     */
    static final Duration AFTER_TRAFFIC_MOVED = Duration.ofMinutes(2880 + 60);
    /** Longest wait after CreateDeployment is refused as busy; the first is the poll interval. */
    static final Duration BUSY_MAX = Duration.ofSeconds(30);

    private final AwsClients aws;
    private final Console console;
    private final Pacer pacer;

    public Deployer(AwsClients aws, Console console, Pacer pacer) {
        this.aws = aws;
        this.console = console;
        this.pacer = pacer;
    }

    public DeploymentResult deploy(DeployRequest request) {
        Instant start = pacer.now();
        Deadline deadline = Deadline.after(request.timeout(), pacer);
        DeployTarget target = request.target();
        Duration poll = request.pollInterval();
        console.say((request.dryRun() ? "Dry run: would deploy " : "Deploying ") + request.revision().describe()
                + " to " + target.applicationName() + "/" + target.deploymentGroupName()
                + " (" + target.environment() + ", timeout " + Durations.format(request.timeout()) + ")");

        LiveFleet fleet = new LiveFleet(aws.codeDeploy(), aws.autoScaling(), console, poll);
        LiveFleet.FleetState live = fleet.prepare(target, deadline, request.dryRun());
        DeploymentQueue queue = new DeploymentQueue(aws.codeDeploy(), console, poll);
        if (request.dryRun()) {
            List<String> active = queue.active(target);
            if (!active.isEmpty()) {
                console.say("Would first wait for " + String.join(", ", active) + " to finish");
            }
            console.say("Would create a blue/green deployment of " + request.revision().describe() + " in group "
                    + target.deploymentGroupName() + ", copying fleet " + live.name() + "; nothing was changed");
            new CapacitySync(aws.autoScaling(), console).apply(target, live.name(), true);
            return result(Outcome.DRY_RUN, null, null, request, live.name(), start, null, List.of(), false);
        }
        new CapacitySync(aws.autoScaling(), console).apply(target, live.name(), false);
        DeploymentCreator creator = new DeploymentCreator(aws.codeDeployNoRetries(), aws.codeDeploy(), console, pacer,
                poll.compareTo(Duration.ofSeconds(1)) < 0 ? poll : Duration.ofSeconds(1));
        String id = createWhenFree(queue, creator, request, deadline);
        console.say("Created deployment " + id + " (next: CodeDeploy copies " + live.name() + " into a replacement fleet)");

        try (CancelGuard guard = new CancelGuard(console, aws.codeDeploy(), request.stopOnCancel())) {
            guard.arm(id);
            DeploymentWatcher watcher = new DeploymentWatcher(aws.codeDeploy(), console, poll);
            Optional<DeploymentInfo> finished = watcher.watch(id, deadline);
            if (finished.isEmpty() && watcher.trafficMoved()) {
                // Stopping now would undo a release that already serves: follow it to its real end.
                console.say("The timeout (" + Durations.format(request.timeout()) + ") passed after traffic moved: " + id
                        + " is not stopped; the new fleet serves and the old one will be terminated; following it to the end");
                finished = watcher.watch(id, Deadline.after(AFTER_TRAFFIC_MOVED, pacer));
            }
            if (finished.isEmpty()) {
                return timedOut(request, id, live.name(), watcher, start);
            }
            DeploymentInfo info = finished.get();
            if (info.status() == DeploymentStatus.SUCCEEDED) {
                new FleetMark(aws.autoScaling(), console).mark(target.deploymentGroupName(), id);
                console.say("Succeeded: " + id + " deployed " + request.revision().describe() + " in "
                        + Durations.format(Duration.between(start, pacer.now())) + "; live at " + target.url());
                return result(Outcome.SUCCEEDED, id, info, request, live.name(), start, null, List.of(), false);
            }
            return failed(request, info, live.name(), start);
        }
    }

    /**
     * Another job can create a deployment between our check and our create; CodeDeploy then
     * refuses ours (DeploymentLimitExceededException) and we queue again, within the timeout.
     */
    private String createWhenFree(DeploymentQueue queue, DeploymentCreator creator, DeployRequest request, Deadline deadline) {
        // The listing can lag CreateDeployment's own check (DeploymentLimitExceededException: "The
        // number of allowed deployments was exceeded", CreateDeployment Errors): when it shows no
        // blocker, back off with jitter instead of asking again at once.
        Backoff busy = new Backoff(request.pollInterval(), BUSY_MAX, pacer);
        while (true) {
            Optional<String> ours = queue.waitForTurn(request.target(), deadline, creator::isOurs);
            if (ours.isPresent()) {
                return ours.get();
            }
            try {
                return creator.create(request.target(), request.revision(), request.description());
            } catch (DeploymentLimitExceededException e) {
                if (deadline.passed()) {
                    throw new TimedOutException("the deployment group stayed busy until the timeout; nothing was deployed");
                }
                Duration wait = busy.next();
                console.say("CreateDeployment refused: the group is busy (" + e.awsErrorDetails().errorMessage()
                        + "); waiting " + Durations.format(wait) + " before looking again");
                deadline.sleep(wait);
            }
        }
    }

    private DeploymentResult failed(DeployRequest request, DeploymentInfo info, String liveAtStart, Instant start) {
        DeployTarget target = request.target();
        console.say(info.deploymentId() + " " + info.status() + " after " + Durations.format(Duration.between(start, pacer.now())));
        List<FailureReport.FailedEvent> failures =
                new FailureReport(new DeploymentTargets(aws.codeDeploy()), console).print(info);
        boolean deleted = cleanUp(target, info, request.pollInterval());
        console.say(info.status() + ": " + info.deploymentId() + " did not deploy " + request.revision().describe()
                + " (`status " + info.deploymentId() + "` shows these details again)");
        Outcome outcome = info.status() == DeploymentStatus.STOPPED ? Outcome.STOPPED : Outcome.FAILED;
        return result(outcome, info.deploymentId(), info, request, liveAtStart, start, null, failures, deleted);
    }

    private DeploymentResult timedOut(DeployRequest request, String id, String liveAtStart, DeploymentWatcher watcher, Instant start) {
        console.say("Timed out after " + Durations.format(request.timeout()) + ": stopping " + id
                + " with automatic rollback (next: wait for it to stop)");
        try {
            aws.codeDeploy().stopDeployment(r -> r.deploymentId(id).autoRollbackEnabled(true));
        } catch (DeploymentAlreadyCompletedException e) {
            // It finished between the last poll and the stop (or a retried stop found it stopped).
            console.say(id + " had already completed when StopDeployment reached it");
        }
        Optional<DeploymentInfo> stopped = watcher.watch(id, Deadline.after(STOP_GRACE, pacer));
        boolean deleted = false;
        DeploymentInfo info = stopped.orElse(null);
        if (info != null && info.status() == DeploymentStatus.SUCCEEDED) {
            console.say("Succeeded after all: " + id + " finished just as the timeout passed; live at " + request.target().url());
            return result(Outcome.SUCCEEDED, id, info, request, liveAtStart, start, null, List.of(), false);
        }
        if (info == null) {
            console.say(id + " had not stopped " + Durations.format(STOP_GRACE) + " after StopDeployment; check it with `status " + id + "`");
        } else if (info.status() != DeploymentStatus.SUCCEEDED) {
            deleted = cleanUp(request.target(), info, request.pollInterval());
        }
        return result(Outcome.TIMED_OUT, id, info, request, liveAtStart, start,
                "timed out after " + Durations.format(request.timeout()), List.of(), deleted);
    }

    /**
     * Waits for CodeDeploy's automatic rollback of this deployment, if any, to end; then deletes
     * what is left of the replacement fleets, checked against the group as it is now.
     */
    private boolean cleanUp(DeployTarget target, DeploymentInfo info, Duration poll) {
        Optional<DeploymentInfo> rollback = new AutomaticRollback(aws.codeDeploy(), console, pacer, poll).follow(target, info);
        return new NewFleetCleanup(aws.autoScaling(), aws.codeDeploy(), console)
                .deleteLeftovers(target, AutomaticRollback.ids(info, rollback));
    }

    private DeploymentResult result(Outcome outcome, String id, DeploymentInfo info, DeployRequest request, String live,
                                    Instant start, String message, List<FailureReport.FailedEvent> failures, boolean deleted) {
        DeployTarget target = request.target();
        var error = info == null ? null : info.errorInformation();
        return new DeploymentResult(outcome, id, info == null ? null : info.statusAsString(),
                target.applicationName(), target.deploymentGroupName(), request.revision().describe(), live,
                Duration.between(start, pacer.now()), target.url(),
                error == null ? null : error.codeAsString(),
                error == null ? message : error.message(), failures, deleted);
    }
}
