package org.democracyclub.ee.deployer.deploy;

import java.util.List;
import software.amazon.awssdk.services.codedeploy.model.DeploymentInfo;
import software.amazon.awssdk.services.codedeploy.model.DeploymentOverview;
import software.amazon.awssdk.services.codedeploy.model.DeploymentStatus;
import software.amazon.awssdk.services.codedeploy.model.InstanceTarget;

/**
 * What a person following a deployment needs to see, compared between polls so that a line is
 * printed only when something changed.
 */
public record Progress(DeploymentStatus status, long pending, long inProgress, long succeeded,
                       long failed, long ready, String event) {

    public static Progress of(DeploymentInfo info, List<InstanceTarget> targets) {
        DeploymentOverview o = info.deploymentOverview() != null ? info.deploymentOverview() : DeploymentOverview.builder().build();
        return new Progress(info.status(), count(o.pending()), count(o.inProgress()), count(o.succeeded()),
                count(o.failed()), count(o.ready()), LifecycleEvents.summary(targets));
    }

    private static long count(Long value) {
        return value == null ? 0 : value;
    }

    public boolean finished() {
        return status == DeploymentStatus.SUCCEEDED || status == DeploymentStatus.FAILED || status == DeploymentStatus.STOPPED;
    }

    /** e.g. {@code InProgress | instances: 0 pending, 2 in progress, ... | new instances: AfterInstall | next: ApplicationStart}. */
    public String describe() {
        String counts = "instances: " + pending + " pending, " + inProgress + " in progress, " + succeeded
                + " succeeded, " + failed + " failed, " + ready + " ready";
        String events = event.isEmpty() ? "" : " | new instances: " + event;
        return status + " | " + counts + events + " | next: " + whatNext();
    }

    String whatNext() {
        switch (status) {
            case CREATED:
                return "CodeDeploy copies the live fleet into a replacement fleet";
            case QUEUED:
                return "it starts when the deployment group is free";
            case IN_PROGRESS:
                if (event.isEmpty()) {
                    return "replacement instances launch and install the revision";
                }
                String last = event.contains(", ") ? event.substring(event.lastIndexOf(", ") + 2) : event;
                return LifecycleEvents.next(last).orElse("the old fleet is deregistered and terminated");
            case READY:
                return "traffic is rerouted to the replacement fleet";
            case BAKING:
                return "CodeDeploy finishes the deployment";
            case SUCCEEDED:
                return "nothing: done";
            case FAILED:
            case STOPPED:
                return "diagnostics, then the replacement fleet is removed";
            default:
                return "CodeDeploy decides";
        }
    }
}
