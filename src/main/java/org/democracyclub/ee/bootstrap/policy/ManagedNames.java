package org.democracyclub.ee.bootstrap.policy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.democracyclub.ee.infra.names.Names;

/**
 * The names and name patterns of what the Pulumi program and the deployer manage (Names,
 * StackTags and common.CodeDeployNames). The CI policy grants write access only to resources that match these, so a program
 * change that introduces a resource outside them fails with AccessDenied at {@code pulumi up}
 * instead of silently widening what CI may touch.
 */
public final class ManagedNames {
    /** Prefix of the program's own resource names (ALB, target group, ASG, IAM, Image Builder). */
    public static final String PREFIX = "ee-";

    /** CodeDeploy names the fleet it creates on each blue/green deployment after the group. */
    public static final String DEPLOYMENT_FLEET_PATTERN = Names.CODEDEPLOY_FLEET_PREFIX + "*";

    /**
     * The role a launch account gives the golden-image pipeline of the source account, under the
     * name Image Builder's cross-account distribution requires (infra.image.ExecutionRolePolicy;
     * Image Builder user guide, "Set up cross-account AMI distribution"). Created, with the
     * boundary, in development and staging when goldenImageSourceAccountId is set; never passed.
     */
    public static final String CROSS_ACCOUNT_DISTRIBUTION_ROLE = "EC2ImageBuilderDistributionCrossAccountRole";

    /** Every role the program manages: its own prefix, the two historical names, the distribution role. */
    public static final List<String> ROLE_PATTERNS = List.of(PREFIX + "*", Names.INSTANCE_ROLE, Names.SERVICE_ROLE,
            CROSS_ACCOUNT_DISTRIBUTION_ROLE);

    /** The Image Builder execution role (workflows, distribution, the AMI parameter). */
    public static final String IMAGE_BUILDER_EXECUTION_ROLE = Names.IMAGE_BUILDER + "-execution";
    /**
     * The operations jobs' roles, by exact name (PassRole on a pattern is what EE-IAM-3
     * refuses): the role EventBridge Scheduler runs schedules with, the role SSM Automation
     * runbooks assume, and the role EventBridge rules hand to their targets.
     */
    public static final String OPS_SCHEDULER_ROLE = PREFIX + "ops-scheduler";
    public static final String OPS_AUTOMATION_ROLE = PREFIX + "ops-automation";

    /**
     * Each role CI may hand to a service, with the only services it may be handed to
     * ({@code iam:PassedToService}). Image Builder hands its build instances' profile to EC2,
     * so that role goes to either.
     */
    public static final Map<String, List<String>> PASSABLE_ROLES = passableRoles();

    /**
     * Roles that go into instance profiles. {@code iam:AddRoleToInstanceProfile} checks PassRole on
     * the role too (IAM API reference, AddRoleToInstanceProfile); whether that check carries
     * {@code iam:PassedToService} is unconfirmed, so for these the service is required only when
     * the request names one ({@code StringEqualsIfExists}).
     */
    public static final List<String> INSTANCE_PROFILE_ROLES = List.of(Names.INSTANCE_ROLE, Names.IMAGE_BUILDER_ROLE);

    private static Map<String, List<String>> passableRoles() {
        Map<String, List<String>> roles = new LinkedHashMap<>();
        roles.put(Names.INSTANCE_ROLE, List.of("ec2.amazonaws.com"));
        roles.put(Names.SERVICE_ROLE, List.of("codedeploy.amazonaws.com"));
        roles.put(Names.IMAGE_BUILDER_ROLE, List.of("ec2.amazonaws.com", "imagebuilder.amazonaws.com"));
        roles.put(IMAGE_BUILDER_EXECUTION_ROLE, List.of("imagebuilder.amazonaws.com"));
        // One role starts the runbooks for both EventBridge Scheduler (schedules) and EventBridge
        // rules (after a deployment): infra.operations.OperationsRoles.
        roles.put(OPS_SCHEDULER_ROLE, List.of("scheduler.amazonaws.com", "events.amazonaws.com"));
        roles.put(OPS_AUTOMATION_ROLE, List.of("ssm.amazonaws.com"));
        return java.util.Collections.unmodifiableMap(roles);
    }

    /**
     * AWS-managed policies the program attaches to its roles; attaching any other (such as
     * AdministratorAccess) is refused.
     */
    public static final List<String> ATTACHABLE_AWS_POLICIES = List.of(
            "AmazonSSMManagedInstanceCore",
            "CloudWatchAgentServerPolicy",
            "service-role/AWSCodeDeployRole",
            "EC2InstanceProfileForImageBuilder",
            // The golden-image pipeline's execution role (ARN in the AWS managed policy reference).
            "EC2ImageBuilderExecutionPolicy",
            // The cross-account distribution role of the launch accounts (Image Builder user guide,
            // "Set up cross-account AMI distribution").
            "Ec2ImageBuilderCrossAccountDistributionAccess");

    /** SSM parameters the program owns live under this path. */
    public static final String PARAMETER_PATH = "/ee/";
    /**
     * The parameters the program and the deployer write, by exact name. Everything else under
     * {@code /ee/app/} is the application's configuration and secrets, which CI never reads.
     */
    public static final List<String> OWN_PARAMETERS = List.of(
            "/ee/app/DC_ENVIRONMENT", "/ee/app/FQDN", "/ee/app/DC_EVENTBUS_ARN",
            "/ee/deployer/stack-outputs", Names.AMI_PARAMETER,
            // infra.platform.AppSettings writes it too (same value in every environment).
            "/ee/app/DJANGO_SETTINGS_MODULE");
    /**
     * The database backup buckets (the databaseBackupBucket setting; production adopts
     * dc-ee-production-database-backups, protected, so {@code pulumi up} never deletes it): CI
     * reads and sets their configuration, never their objects, and may not delete them.
     */
    public static final String BACKUP_BUCKET_PATTERN = "dc-ee-*-database-backups";
    /** Parameters an administrator writes by hand and the program only reads. */
    public static final List<String> SITE_PARAMETERS = List.of("FQDN", "SSL_CERTIFICATE_ARN", "OrganisationID");

    /** The CI role itself: deliberately outside {@link #ROLE_PATTERNS}, so CI cannot widen it. */
    public static final String CI_ROLE = "circleci-ee-deploy";
    /** The read-only role of previews on every branch; also outside {@link #ROLE_PATTERNS}. */
    public static final String CI_PREVIEW_ROLE = "circleci-ee-preview";
    /** Every IAM name the bootstrap owns starts with this; CI may change none of them. */
    public static final String CI_NAME_PATTERN = "circleci-ee-*";

    private ManagedNames() {
    }
}
