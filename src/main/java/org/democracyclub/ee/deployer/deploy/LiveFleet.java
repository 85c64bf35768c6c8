package org.democracyclub.ee.deployer.deploy;

import java.time.Duration;
import java.util.List;
import org.democracyclub.ee.deployer.BadInputException;
import org.democracyclub.ee.deployer.outputs.DeployTarget;
import org.democracyclub.ee.deployer.outputs.FleetCapacity;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.autoscaling.model.LifecycleState;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;

/**
 * The fleet a blue/green deployment copies. CodeDeploy renames it on every deployment, so it is
 * always read from the deployment group; the stack output is only mentioned when they differ.
 * A fleet scaled to zero overnight has nothing to copy, so it is raised to the stack's capacity.
 */
public final class LiveFleet {
    private final CodeDeployClient codeDeploy;
    private final AutoScalingClient autoScaling;
    private final Console console;
    private final Duration pollInterval;

    public LiveFleet(CodeDeployClient codeDeploy, AutoScalingClient autoScaling, Console console, Duration pollInterval) {
        this.codeDeploy = codeDeploy;
        this.autoScaling = autoScaling;
        this.console = console;
        this.pollInterval = pollInterval;
    }

    /** Every ASG the deployment group names now (GetDeploymentGroup autoScalingGroups). */
    public List<String> groupNames(DeployTarget target) {
        return codeDeploy.getDeploymentGroup(r -> r
                        .applicationName(target.applicationName())
                        .deploymentGroupName(target.deploymentGroupName()))
                .deploymentGroupInfo().autoScalingGroups().stream()
                .map(software.amazon.awssdk.services.codedeploy.model.AutoScalingGroup::name)
                .toList();
    }

    /** The ASG the deployment group names now. */
    public String liveGroupName(DeployTarget target) {
        List<String> names = groupNames(target);
        if (names.isEmpty()) {
            throw new BadInputException("deployment group " + target.deploymentGroupName()
                    + " names no Auto Scaling group: run `pulumi up` for " + target.environment());
        }
        return names.get(0);
    }

    /** Finds the live fleet and makes sure at least one instance is InService (unless dry run). */
    public FleetState prepare(DeployTarget target, Deadline deadline, boolean dryRun) {
        String name = liveGroupName(target);
        if (!name.equals(target.autoScalingGroupHint())) {
            console.say("Live fleet is " + name + " (the stack output still says " + target.autoScalingGroupHint()
                    + "; CodeDeploy replaced it since)");
        }
        FleetState fleet = describe(name);
        console.say("Live fleet " + fleet);
        if (fleet.inService() > 0) {
            return fleet;
        }
        FleetCapacity capacity = target.capacity();
        if (dryRun) {
            console.say("Would raise " + name + " to " + capacity + " and wait for an instance InService");
            return fleet;
        }
        if (fleet.desiredCapacity() < Math.max(1, capacity.desiredCapacity())) {
            int desired = Math.max(1, capacity.desiredCapacity());
            console.say("No instance InService in " + name + " (the fleet was scaled down): raising it to min "
                    + capacity.minSize() + ", desired " + desired + ", max " + Math.max(desired, capacity.maxSize()));
            autoScaling.updateAutoScalingGroup(r -> r.autoScalingGroupName(name)
                    .minSize(capacity.minSize())
                    .desiredCapacity(desired)
                    .maxSize(Math.max(desired, capacity.maxSize())));
        }
        console.say("Waiting for an instance of " + name + " to be InService (next: the deployment)");
        return waitForInService(name, deadline);
    }

    private FleetState waitForInService(String name, Deadline deadline) {
        FleetState last = null;
        while (true) {
            FleetState now = describe(name);
            if (!now.equals(last)) {
                console.say("Live fleet " + now);
                last = now;
            }
            if (now.inService() > 0) {
                return now;
            }
            if (deadline.passed()) {
                throw new TimedOutException("no instance of " + name + " came InService before the timeout; "
                        + "nothing was deployed (the fleet stays raised)");
            }
            deadline.sleep(pollInterval);
        }
    }

    FleetState describe(String name) {
        List<AutoScalingGroup> groups = autoScaling.describeAutoScalingGroups(r -> r.autoScalingGroupNames(name))
                .autoScalingGroups();
        if (groups.isEmpty()) {
            throw new BadInputException("the deployment group names Auto Scaling group " + name + ", which does not exist");
        }
        AutoScalingGroup group = groups.get(0);
        int inService = (int) group.instances().stream()
                .filter(i -> i.lifecycleState() == LifecycleState.IN_SERVICE)
                .count();
        return new FleetState(name, inService, group.instances().size(), group.desiredCapacity());
    }

    /** A fleet's size as the person reading the log needs it. */
    public record FleetState(String name, int inService, int instances, int desiredCapacity) {
        @Override
        public String toString() {
            return name + ": " + inService + " InService of " + instances + " instance(s), desired " + desiredCapacity;
        }
    }
}
