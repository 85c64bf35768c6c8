package org.democracyclub.ee.deployer.deploy;

import java.util.ArrayList;
import java.util.List;
import org.democracyclub.ee.deployer.outputs.DeployTarget;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;
import software.amazon.awssdk.services.codedeploy.model.DeploymentInfo;

/**
 * Removes the replacement fleets a failed deployment (and its rollback) left behind, and only
 * those: the names are derived from the deployments, and just before deleting, the group is read
 * again. Nothing is deleted while any deployment of the group is active (a rollback may be using
 * the fleet), and never a fleet the deployment group names (GetDeploymentGroup autoScalingGroups:
 * the live fleet).
 */
public final class NewFleetCleanup {
    private final AutoScalingClient autoScaling;
    private final CodeDeployClient codeDeploy;
    private final Console console;

    public NewFleetCleanup(AutoScalingClient autoScaling, CodeDeployClient codeDeploy, Console console) {
        this.autoScaling = autoScaling;
        this.codeDeploy = codeDeploy;
        this.console = console;
    }

    /** CodeDeploy's name for the fleet it creates in a blue/green deployment. */
    public static String replacementFleetName(String deploymentGroup, String deploymentId) {
        return org.democracyclub.ee.common.CodeDeployNames.replacementFleet(deploymentGroup, deploymentId);
    }

    /** @return whether any fleet was deleted */
    public boolean deleteLeftovers(DeployTarget target, List<String> deploymentIds) {
        List<String> names = deploymentIds.stream().map(id -> replacementFleetName(target.deploymentGroupName(), id)).toList();
        List<DeploymentInfo> active = new DeploymentQueue(codeDeploy, console, java.time.Duration.ZERO).activeInfos(target);
        if (!active.isEmpty()) {
            DeploymentInfo busy = active.get(0);
            console.say("Not deleting " + String.join(", ", names) + ": deployment " + busy.deploymentId() + " is "
                    + busy.statusAsString() + " in " + target.deploymentGroupName() + " and may use it; once it ends, delete "
                    + "what is left: " + String.join("; ", names.stream().map(NewFleetCleanup::deleteCommand).toList()));
            return false;
        }
        List<String> live = new LiveFleet(codeDeploy, autoScaling, console, java.time.Duration.ZERO).groupNames(target);
        boolean deleted = false;
        for (String name : names) {
            deleted |= deleteIfLeft(name, live);
        }
        return deleted;
    }

    private boolean deleteIfLeft(String name, List<String> live) {
        if (live.contains(name)) {
            console.say("Not deleting " + name + ": it is the live fleet (the deployment group names it)");
            return false;
        }
        List<?> found = autoScaling.describeAutoScalingGroups(r -> r.autoScalingGroupNames(name)).autoScalingGroups();
        if (found.isEmpty()) {
            console.say("No fleet " + name + " to delete (gone, or never created)");
            return false;
        }
        try {
            autoScaling.deleteAutoScalingGroup(r -> r.autoScalingGroupName(name).forceDelete(true));
        } catch (AwsServiceException e) {
            // The deployment has failed either way; a fleet left over costs money, not correctness.
            console.say("Could not delete replacement fleet " + name + ": " + AwsErrors.message(e)
                    + "; delete it by hand: " + deleteCommand(name));
            return false;
        }
        console.say("Deleted replacement fleet " + name + " (the live fleet " + String.join(", ", live) + " is untouched)");
        return true;
    }

    static String deleteCommand(String name) {
        return "aws autoscaling delete-auto-scaling-group --force-delete --auto-scaling-group-name " + name;
    }
}
