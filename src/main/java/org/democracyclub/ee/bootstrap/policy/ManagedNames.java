package org.democracyclub.ee.bootstrap.policy;

import java.util.List;
import org.democracyclub.ee.infra.names.Names;
import org.democracyclub.ee.infra.names.StackTags;

/**
 * The names and name patterns of what the Pulumi program and the deployer manage (Names,
 * StackTags and common.CodeDeployNames). The CI policy grants write access only to resources that match these, so a program
 * change that introduces a resource outside them fails with AccessDenied at {@code pulumi up}
 * instead of silently widening what CI may touch.
 */
public final class ManagedNames {
    /** Prefix of the program's own resource names (ALB, target group, ASG, IAM, Image Builder). */
    public static final String PREFIX = "ee-";

    /** Tag every taggable resource of the program carries; EC2 resources are matched by it. */
    public static final String PRODUCT_TAG_KEY = StackTags.PRODUCT_KEY;
    public static final String PRODUCT_TAG_VALUE = StackTags.PRODUCT;

    public static final String CODEDEPLOY_APPLICATION = Names.CODEDEPLOY_APPLICATION;
    public static final String DEPLOYMENT_GROUP = Names.DEPLOYMENT_GROUP;
    /** CodeDeploy names the fleet it creates on each blue/green deployment after the group. */
    public static final String DEPLOYMENT_FLEET_PATTERN = Names.CODEDEPLOY_FLEET_PREFIX + "*";

    public static final String INSTANCE_ROLE = Names.INSTANCE_ROLE;
    public static final String SERVICE_ROLE = Names.SERVICE_ROLE;
    /** The Image Builder build instances' role; PassRole is granted on exactly it. */
    public static final String IMAGE_BUILDER_ROLE_PATTERN = Names.IMAGE_BUILDER_ROLE;

    /** Every role the program manages: its own prefix and the two historical names. */
    public static final List<String> ROLE_PATTERNS = List.of(PREFIX + "*", INSTANCE_ROLE, SERVICE_ROLE);

    /** Roles CI may hand to a service (EC2, CodeDeploy, Image Builder). */
    public static final List<String> PASSABLE_ROLES =
            List.of(INSTANCE_ROLE, SERVICE_ROLE, IMAGE_BUILDER_ROLE_PATTERN);

    /**
     * AWS-managed policies the program attaches to its roles; attaching any other (such as
     * AdministratorAccess) is refused.
     */
    public static final List<String> ATTACHABLE_AWS_POLICIES = List.of(
            "AmazonSSMManagedInstanceCore",
            "CloudWatchAgentServerPolicy",
            "service-role/AWSCodeDeployRole",
            "EC2InstanceProfileForImageBuilder");

    /** SSM parameters the program owns live under this path. */
    public static final String PARAMETER_PATH = "/ee/";
    /** Parameters an administrator writes by hand and the program only reads. */
    public static final List<String> SITE_PARAMETERS = List.of("FQDN", "SSL_CERTIFICATE_ARN", "OrganisationID");

    /** The CI role itself: deliberately outside {@link #ROLE_PATTERNS}, so CI cannot widen it. */
    public static final String CI_ROLE = "circleci-ee-deploy";

    private ManagedNames() {
    }
}
