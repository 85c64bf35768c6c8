package org.democracyclub.ee.deployer.deploy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;
import software.amazon.awssdk.services.codedeploy.model.DeploymentInfo;
import software.amazon.awssdk.services.codedeploy.model.DeploymentStatus;
import software.amazon.awssdk.services.codedeploy.model.InstanceTarget;

/**
 * Polls a deployment until it finishes or the deadline passes, printing a line on each change.
 * A poll that fails even after the SDK's retries does not abandon the deployment: the interval
 * doubles (to {@link #MAX_BACKOFF}) and the next poll tries again.
 */
public final class DeploymentWatcher {
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final CodeDeployClient codeDeploy;
    private final DeploymentTargets targets;
    private final Console console;
    private final Duration pollInterval;

    public DeploymentWatcher(CodeDeployClient codeDeploy, Console console, Duration pollInterval) {
        this.codeDeploy = codeDeploy;
        this.targets = new DeploymentTargets(codeDeploy);
        this.console = console;
        this.pollInterval = pollInterval;
    }

    /** The finished deployment, or empty if the deadline passed first. */
    public Optional<DeploymentInfo> watch(String deploymentId, Deadline deadline) {
        Progress last = null;
        Duration interval = pollInterval;
        int failedPolls = 0;
        while (true) {
            try {
                DeploymentInfo info = codeDeploy.getDeployment(r -> r.deploymentId(deploymentId)).deploymentInfo();
                List<InstanceTarget> instances = hasTargets(info.status()) ? targets.instances(deploymentId) : List.of();
                Progress now = Progress.of(info, instances);
                if (!now.equals(last)) {
                    console.say(deploymentId + " " + now.describe());
                    last = now;
                }
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

    /** Before CodeDeploy starts, a deployment has no targets to list. */
    private static boolean hasTargets(DeploymentStatus status) {
        return status != DeploymentStatus.CREATED && status != DeploymentStatus.QUEUED;
    }
}
