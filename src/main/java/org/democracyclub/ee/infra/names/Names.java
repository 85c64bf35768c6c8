package org.democracyclub.ee.infra.names;

import org.democracyclub.ee.common.CodeDeployNames;

/**
 * Physical names of the resources (docs/deployment.md, "Moving from the CDK stacks"). They are what the current system
 * uses, so existing resources can be imported under the same names rather than recreated.
 */
public final class Names {
    public static final String TARGET_GROUP = "ee-alb-tg";
    public static final String LOAD_BALANCER = "ee-alb";
    public static final String LAUNCH_TEMPLATE = "ee-launch-template";
    public static final String INSTANCE_ROLE = "CodeDeployEC2InstanceProfile";
    public static final String SERVICE_ROLE = "CodeDeployServiceRole";
    /** The fleet the program creates in a fresh account; CodeDeploy replaces it on the first deployment. */
    /** The golden image pipeline; its build role's name starts with it (the CI role may pass only such roles). */
    public static final String IMAGE_BUILDER = "ee-image-builder";
    /** The build instances' role: the golden image component names it after itself. */
    public static final String IMAGE_BUILDER_ROLE = IMAGE_BUILDER + "-instance";
    /** The pipeline's execution role (writes the AMI parameter); CI may pass it to Image Builder. */
    public static final String IMAGE_BUILDER_EXECUTION_ROLE = IMAGE_BUILDER + "-execution";
    public static final String ORIGINAL_FLEET = "ee-asg";
    /** Prefix of the fleets CodeDeploy creates: {@code CodeDeploy_<group>_d-<id>}. */
    public static final String CODEDEPLOY_FLEET_PREFIX = CodeDeployNames.replacementFleetPrefix(CodeDeployNames.DEPLOYMENT_GROUP);
    public static final String LOAD_BALANCER_SECURITY_GROUP = "ee-alb-sg";
    public static final String INSTANCE_SECURITY_GROUP = "ee-instance-sg";
    /** SSM parameter holding the golden image's AMI ID; the launch template resolves it at launch. */
    public static final String AMI_PARAMETER = "/ee/golden-image/ami-id";
    /**
     * The alias of the customer-managed KMS key the golden image is encrypted with. The account
     * bootstrap creates the key (CI cannot create a tagged key without being able to tag any key:
     * docs/adr/0003); the recipe names the key by this alias.
     */
    public static final String GOLDEN_IMAGE_KEY_ALIAS = "alias/ee-golden-image";
    /** SSM parameters set by hand per account (docs/deployment.md). */
    public static final String FQDN_PARAMETER = "FQDN";
    public static final String CERTIFICATE_PARAMETER = "SSL_CERTIFICATE_ARN";
    public static final String ORGANISATION_PARAMETER = org.democracyclub.ee.infra.names.OrganisationArn.PARAMETER_NAME;

    /**
     * The permissions boundary the account bootstrap creates; every role of the program carries
     * it (the CI role may create and change only roles that do). docs/adr/0003.
     */
    public static final String PERMISSIONS_BOUNDARY = "circleci-ee-boundary";

    /** The boundary's ARN in an account. */
    public static String permissionsBoundaryArn(String accountId) {
        return "arn:aws:iam::" + accountId + ":policy/" + PERMISSIONS_BOUNDARY;
    }

    private Names() {
    }
}
