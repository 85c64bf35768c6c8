package org.democracyclub.ee.deployer.deploy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;
import software.amazon.awssdk.services.codedeploy.model.DeploymentInfo;
import software.amazon.awssdk.services.codedeploy.model.DeploymentNotStartedException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentStatus;
import software.amazon.awssdk.services.codedeploy.model.InstanceTarget;

/**
 * Polls a deployment until it finishes or the deadline passes, printing a line on each change.
 * One poll is GetDeployment plus, once the deployment has started, ListDeploymentTargets and
 * BatchGetDeploymentTargets (one per 25 instances).
 *
 * <p>A poll that fails even after the SDK's retries does not abandon the deployment: the interval
 * doubles (to {@link #MAX_BACKOFF}) and the next poll tries again. The instance targets are
 * diagnostics: when they cannot be read the watch goes on with the deployment's own status and
 * says what could not be read, instead of ending with exit 4.
 */
public final class DeploymentWatcher {
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final CodeDeployClient codeDeploy;
    private final DeploymentTargets targets;
    private final Console console;
    private final Duration pollInterval;
    private boolean trafficMoved;
    private boolean readyReported;
    private String unreadTargets;

    public DeploymentWatcher(CodeDeployClient codeDeploy, Console console, Duration pollInterval) {
        this.codeDeploy = codeDeploy;
        this.targets = new DeploymentTargets(codeDeploy);
        this.console = console;
        this.pollInterval = pollInterval;
    }

    /** Whether any poll saw the replacement fleet take the traffic ({@link TrafficShift}). */
    public boolean trafficMoved() {
        return trafficMoved;
    }

    /** The finished deployment, or empty if the deadline passed first. */
    public Optional<DeploymentInfo> watch(String deploymentId, Deadline deadline) {
        Progress last = null;
        List<InstanceTarget> instances = List.of();
        Duration interval = pollInterval;
        int failedPolls = 0;
        while (true) {
            try {
                DeploymentInfo info = codeDeploy.getDeployment(r -> r.deploymentId(deploymentId)).deploymentInfo();
                instances = hasTargets(info.status()) ? instances(deploymentId, instances) : List.of();
                Progress now = Progress.of(info, instances);
                if (!now.equals(last)) {
                    console.say(deploymentId + " " + now.describe());
                    last = now;
                }
                noticeTraffic(info, instances);
                noticeReady(info);
                if (now.finished()) {
                    return Optional.of(info);
                }
                interval = pollInterval;
                failedPolls = 0;
            } catch (SdkException e) {
                if (!AwsErrors.isTransient(e)) {
                    throw e;
                }
                failedPolls++;
                interval = interval.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : interval.multipliedBy(2);
                console.say("Polling " + deploymentId + " failed " + failedPolls + " time(s) in a row (" + AwsErrors.message(e)
                        + "); next poll in " + interval.toMillis() + " ms");
            }
            if (deadline.passed()) {
                return Optional.empty();
            }
            deadline.sleep(interval);
        }
    }

    /** The targets, or the last ones seen when they cannot be read now (said once per kind of error). */
    private List<InstanceTarget> instances(String deploymentId, List<InstanceTarget> previous) {
        try {
            List<InstanceTarget> now = targets.instances(deploymentId);
            if (unreadTargets != null) {
                console.say("The instances of " + deploymentId + " can be read again");
                unreadTargets = null;
            }
            return now;
        } catch (DeploymentNotStartedException e) {
            // ListDeploymentTargets (API reference, Errors): "The specified deployment has not started."
            return List.of();
        } catch (SdkException e) {
            String why = AwsErrors.message(e);
            if (!why.equals(unreadTargets)) {
                console.say("Could not read the instances of " + deploymentId + " (" + why
                        + "); still following the deployment's own status");
                unreadTargets = why;
            }
            return previous;
        }
    }

    private void noticeTraffic(DeploymentInfo info, List<InstanceTarget> instances) {
        if (!trafficMoved && TrafficShift.moved(info, instances)) {
            trafficMoved = true;
            console.say(info.deploymentId() + ": the replacement fleet serves the traffic now"
                    + (Boolean.TRUE.equals(info.instanceTerminationWaitTimeStarted())
                    ? "; the original fleet is terminated when CodeDeploy's termination wait ends" : ""));
        }
    }

    private void noticeReady(DeploymentInfo info) {
        if (info.status() == DeploymentStatus.READY && !readyReported) {
            readyReported = true;
            console.say(ManualReroute.advice(info.deploymentId()));
        }
    }

    /** Before CodeDeploy starts, a deployment has no targets to list. */
    private static boolean hasTargets(DeploymentStatus status) {
        return status != DeploymentStatus.CREATED && status != DeploymentStatus.QUEUED;
    }
}
