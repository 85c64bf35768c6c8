package org.democracyclub.ee.deployer.deploy;

import java.util.List;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;

/**
 * Removes the replacement fleet a failed deployment left behind (as the old scripts did), and
 * only that one: the name is derived from the deployment, and it is checked against the group's
 * live ASG, read again just before deleting, so the live fleet can never be the one removed.
 */
public final class NewFleetCleanup {
    private final AutoScalingClient autoScaling;
    private final Console console;

    public NewFleetCleanup(AutoScalingClient autoScaling, Console console) {
        this.autoScaling = autoScaling;
        this.console = console;
    }

    /** CodeDeploy's name for the fleet it creates in a blue/green deployment. */
    public static String replacementFleetName(String deploymentGroup, String deploymentId) {
        return org.democracyclub.ee.common.CodeDeployNames.replacementFleet(deploymentGroup, deploymentId);
    }

    /** @return whether a fleet was deleted */
    public boolean deleteIfLeft(String deploymentGroup, String deploymentId, String liveFleet) {
        String name = replacementFleetName(deploymentGroup, deploymentId);
        if (name.equals(liveFleet)) {
            console.say("Not deleting " + name + ": it is the live fleet (the deployment group points at it)");
            return false;
        }
        List<?> found = autoScaling.describeAutoScalingGroups(r -> r.autoScalingGroupNames(name)).autoScalingGroups();
        if (found.isEmpty()) {
            console.say("Replacement fleet " + name + " is already gone");
            return false;
        }
        try {
            autoScaling.deleteAutoScalingGroup(r -> r.autoScalingGroupName(name).forceDelete(true));
        } catch (AwsServiceException e) {
            // The deployment has failed either way; a fleet left over costs money, not correctness.
            console.say("Could not delete replacement fleet " + name + ": " + AwsErrors.message(e)
                    + "; delete it by hand: aws autoscaling delete-auto-scaling-group --force-delete --auto-scaling-group-name " + name);
            return false;
        }
        console.say("Deleted replacement fleet " + name + " (the live fleet " + liveFleet + " is untouched)");
        return true;
    }
}
