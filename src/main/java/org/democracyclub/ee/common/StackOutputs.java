package org.democracyclub.ee.common;

import java.util.List;

/**
 * The contract between the Pulumi program and the deployer (docs/architecture.md, "The parts"): the stack
 * output keys, and the SSM parameter that holds the same JSON object so the deploy job needs no
 * Pulumi access. Both jars compile against this one class.
 */
public final class StackOutputs {
    /** SSM String parameter holding the stack outputs as one JSON object. */
    public static final String SSM_PARAMETER = "/ee/deployer/stack-outputs";

    public static final String ENVIRONMENT = "environment";
    public static final String REGION = "region";
    public static final String APPLICATION_NAME = "applicationName";
    public static final String DEPLOYMENT_GROUP_NAME = "deploymentGroupName";
    public static final String TARGET_GROUP_ARN = "targetGroupArn";
    public static final String AUTO_SCALING_GROUP_NAME = "autoScalingGroupName";
    public static final String MIN_SIZE = "minSize";
    public static final String DESIRED_CAPACITY = "desiredCapacity";
    public static final String MAX_SIZE = "maxSize";
    public static final String URL = "url";
    public static final String DISTRIBUTION_DOMAIN_NAME = "distributionDomainName";
    public static final String AMI_PARAMETER_NAME = "amiParameterName";
    /** The versioned bucket the deployer uploads revision bundles to (keys from {@code RevisionKey}). */
    public static final String REVISION_BUCKET = "revisionBucket";

    /** Every key the deployer requires; the stack may export more, which readers ignore. */
    public static final List<String> REQUIRED_KEYS = List.of(
            ENVIRONMENT, REGION, APPLICATION_NAME, DEPLOYMENT_GROUP_NAME, TARGET_GROUP_ARN,
            AUTO_SCALING_GROUP_NAME, MIN_SIZE, DESIRED_CAPACITY, MAX_SIZE,
            URL, DISTRIBUTION_DOMAIN_NAME, AMI_PARAMETER_NAME, REVISION_BUCKET);

    private StackOutputs() {
    }
}
