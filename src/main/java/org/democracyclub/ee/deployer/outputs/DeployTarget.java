package org.democracyclub.ee.deployer.outputs;

/**
 * The stack outputs the deployer uses (the keys of common.StackOutputs), validated.
 *
 * @param autoScalingGroupHint the fleet's ASG when the stack last ran; CodeDeploy replaces it on
 *                             every deployment, so the deployment group is asked for the live one
 * @param revisionBucket       the versioned bucket that holds the revision bundles
 */
public record DeployTarget(
        String environment,
        String region,
        String applicationName,
        String deploymentGroupName,
        String autoScalingGroupHint,
        FleetCapacity capacity,
        String revisionBucket,
        String url) {
}
