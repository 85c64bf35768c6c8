package org.democracyclub.ee.deployer.deploy;

import org.democracyclub.ee.common.FleetTag;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.Tag;

/**
 * Tags the fleet a successful deployment created with {@link FleetTag#KEY}, for people and cost
 * reports. Ownership does not depend on it: the program reads that from the groups' names
 * (docs/adr/0001-blue-green-fleet-ownership.md), so a tag that could not be written harms nothing.
 */
public final class FleetMark {
    private final AutoScalingClient autoScaling;
    private final Console console;

    public FleetMark(AutoScalingClient autoScaling, Console console) {
        this.autoScaling = autoScaling;
        this.console = console;
    }

    /** @return whether the tag was written */
    public boolean mark(String deploymentGroup, String deploymentId) {
        String fleet = NewFleetCleanup.replacementFleetName(deploymentGroup, deploymentId);
        try {
            autoScaling.createOrUpdateTags(r -> r.tags(Tag.builder().resourceId(fleet).resourceType("auto-scaling-group")
                    .key(FleetTag.KEY).value(deploymentGroup).propagateAtLaunch(false).build()));
            return true;
        } catch (AwsServiceException e) {
            // The deployment has succeeded; the tag only labels the fleet for people.
            console.say("Could not tag the new fleet " + fleet + ": " + AwsErrors.message(e) + "; to label it by hand"
                    + " run: aws autoscaling create-or-update-tags --tags ResourceId=" + fleet
                    + ",ResourceType=auto-scaling-group,Key=" + FleetTag.KEY + ",Value=" + deploymentGroup
                    + ",PropagateAtLaunch=false");
            return false;
        }
    }
}
