package org.democracyclub.ee.deployer.deploy;

import java.util.List;
import software.amazon.awssdk.services.codedeploy.model.DeploymentInfo;
import software.amazon.awssdk.services.codedeploy.model.InstanceTarget;
import software.amazon.awssdk.services.codedeploy.model.LifecycleEventStatus;

/**
 * Whether a blue/green deployment has moved the load balancer's traffic to the replacement fleet.
 * After that point stopping it would undo a working release, so a timeout no longer stops it.
 *
 * <p>Two signs, either is enough: DeploymentInfo.instanceTerminationWaitTimeStarted ("true as soon
 * as the termination wait period starts", DeploymentInfo, CodeDeploy API reference), which starts
 * only after traffic is rerouted; or a replacement (Green) instance whose AllowTraffic event
 * succeeded: AllowTraffic registers the replacement instances with the target group (the user
 * guide's lifecycle event hooks for blue/green EC2 deployments).
 */
public final class TrafficShift {
    static final String ALLOW_TRAFFIC = "AllowTraffic";

    private TrafficShift() {
    }

    public static boolean moved(DeploymentInfo info, List<InstanceTarget> targets) {
        if (Boolean.TRUE.equals(info.instanceTerminationWaitTimeStarted())) {
            return true;
        }
        return LifecycleEvents.green(targets).stream()
                .flatMap(t -> t.lifecycleEvents().stream())
                .anyMatch(e -> ALLOW_TRAFFIC.equals(e.lifecycleEventName()) && e.status() == LifecycleEventStatus.SUCCEEDED);
    }
}
