package org.democracyclub.ee.deployer.deploy;

import java.util.List;
import org.democracyclub.ee.deployer.outputs.DeployTarget;
import org.democracyclub.ee.deployer.outputs.FleetCapacity;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;

/**
 * Brings the stack's capacity to the live fleet before a deployment. A blue/green deployment with
 * COPY_AUTO_SCALING_GROUP creates the replacement fleet by copying the live group (user guide,
 * "Create a deployment group for an EC2/On-Premises blue/green deployment": "CodeDeploy creates an
 * Amazon EC2 Auto Scaling group by copying one you specify"), sizes included, so after the first
 * deployment the stack's minSize/desiredCapacity/maxSize would never reach production otherwise.
 *
 * <p>The rule, so a fleet powered off on purpose is not fought:
 * <ul>
 * <li>a live fleet at desired 0 is left to {@link LiveFleet}'s wake-up, which raises it to the
 *     stack's capacity only because a deployment needs an instance to copy;</li>
 * <li>a stack whose desiredCapacity is 0 (an environment kept off) is never applied to a running
 *     fleet: that would take the site down before deploying;</li>
 * <li>otherwise min, desired and max are set to the stack's, when any differs. The stack is the
 *     authority: a manual scale-out is reset at the next deployment (docs/deployer.md).</li>
 * </ul>
 */
public final class CapacitySync {
    private final AutoScalingClient autoScaling;
    private final Console console;

    public CapacitySync(AutoScalingClient autoScaling, Console console) {
        this.autoScaling = autoScaling;
        this.console = console;
    }

    /** @return whether UpdateAutoScalingGroup was called (never in a dry run) */
    public boolean apply(DeployTarget target, String fleet, boolean dryRun) {
        FleetCapacity stack = target.capacity();
        List<AutoScalingGroup> found = autoScaling.describeAutoScalingGroups(r -> r.autoScalingGroupNames(fleet)).autoScalingGroups();
        if (found.isEmpty()) {
            return false;
        }
        AutoScalingGroup live = found.get(0);
        FleetCapacity now = new FleetCapacity(live.minSize(), live.desiredCapacity(), live.maxSize());
        if (now.desiredCapacity() == 0) {
            console.say("Capacity: " + fleet + " is powered off (" + now + "); not applying the stack's " + stack);
            return false;
        }
        if (stack.desiredCapacity() == 0) {
            console.say("Capacity: the stack says " + stack + " (powered off); not applied to the running fleet "
                    + fleet + " (" + now + ")");
            return false;
        }
        if (now.equals(stack)) {
            console.say("Capacity: " + fleet + " already has the stack's " + stack);
            return false;
        }
        if (dryRun) {
            console.say("Would apply the stack's capacity " + stack + " to " + fleet + " (now " + now + ")");
            return false;
        }
        autoScaling.updateAutoScalingGroup(r -> r.autoScalingGroupName(fleet)
                .minSize(stack.minSize()).desiredCapacity(stack.desiredCapacity()).maxSize(stack.maxSize()));
        console.say("Capacity: applied the stack's " + stack + " to " + fleet + " (was " + now
                + "), so the replacement fleet CodeDeploy copies from it has the stack's size");
        return true;
    }
}
