package org.democracyclub.ee.infra.platform;

import com.pulumi.aws.iam.InstanceProfile;
import com.pulumi.aws.iam.InstanceProfileArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.democracyclub.ee.common.AppDefaults;
import org.democracyclub.ee.infra.iam.PolicyDocument;
import org.democracyclub.ee.infra.iam.PolicyStatement;
import org.democracyclub.ee.infra.names.Names;
import org.democracyclub.ee.infra.settings.AppAccess;

/**
 * The IAM roles: the instances' role and profile, and the role CodeDeploy acts with. Policies
 * are built as data ({@link PolicyStatement}); nothing grants {@code "Action": "*"}.
 */
public final class Roles extends ComponentResource {
    private static final String MANAGED = "arn:aws:iam::aws:policy/";

    public static final String TYPE = "ee:platform:Roles";

    private final Role instanceRole;
    private final InstanceProfile instanceProfile;
    private final Role serviceRole;

    /**
     * Inputs of {@link Roles}; the AWS provider comes in the component's options.
     *
     * @param region    the stack's region: the app parameters, the CodeDeploy bucket and the
     *                  golden image parameter the roles may read are there
     * @param accountId the stack's account: the CI boundary both roles carry and every ARN they name
     * @param appAccess the buckets the application reads and writes (none set: no S3 grant for the app)
     */
    public record Args(String region, String accountId, AppAccess appAccess) {
        public Args {
            Objects.requireNonNull(region, "region");
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(appAccess, "appAccess");
        }
    }

    public Roles(String name, Args args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        String region = args.region();
        String accountId = args.accountId();
        var child = CustomResourceOptions.builder().parent(this).build();

        instanceRole = new Role(Names.INSTANCE_ROLE, RoleArgs.builder()
                .name(Names.INSTANCE_ROLE)
                .description("EveryElection instances: SSM agent, CloudWatch agent, app parameters, CodeDeploy agent, app calls")
                .assumeRolePolicy(PolicyDocument.of(PolicyStatement.trustServices("ec2.amazonaws.com")).toJson())
                // The CI role may create and change only roles with the bootstrap's boundary.
                .permissionsBoundary(Names.permissionsBoundaryArn(accountId))
                // Not AmazonSSMManagedInstanceCore: it grants ssm:GetParameter(s) on every
                // parameter; InstancePolicy keeps the agent's actions and reads only /ee/app/.
                .managedPolicyArns(List.of(MANAGED + "CloudWatchAgentServerPolicy"))
                .build(), child);
        new RolePolicy(name + "-instance-access", RolePolicyArgs.builder()
                .role(instanceRole.name())
                .policy(InstancePolicy.document(region, accountId, args.appAccess()))
                .build(), child);
        instanceProfile = new InstanceProfile(Names.INSTANCE_ROLE, InstanceProfileArgs.builder()
                .name(Names.INSTANCE_ROLE)
                .role(instanceRole.name())
                .build(), child);

        serviceRole = new Role(Names.SERVICE_ROLE, RoleArgs.builder()
                .name(Names.SERVICE_ROLE)
                .description("CodeDeploy blue/green deployments of EveryElection")
                .assumeRolePolicy(PolicyDocument.of(PolicyStatement.trustServices("codedeploy.amazonaws.com")).toJson())
                .permissionsBoundary(Names.permissionsBoundaryArn(accountId))
                .managedPolicyArns(List.of(MANAGED + "service-role/AWSCodeDeployRole"))
                .build(), child);
        new RolePolicy(name + "-launch-template-fleet", RolePolicyArgs.builder()
                .role(serviceRole.name())
                .policy(instanceRole.arn().applyValue(arn -> blueGreenLaunchTemplatePolicy(arn, region, accountId)))
                .build(), child);

        registerOutputs(Map.of("instanceProfileArn", instanceProfile.arn(), "serviceRoleArn", serviceRole.arn()));
    }

    /** Reading the application's own SSM parameters (its .env), by path or by name. */
    public static PolicyStatement appParametersStatement(String region, String accountId) {
        String path = "arn:aws:ssm:" + region + ":" + accountId + ":parameter" + AppDefaults.SSM_PREFIX;
        // GetParametersByPath is authorised on the path itself, the others on each parameter.
        return PolicyStatement.allow("ReadAppParameters")
                .actions("ssm:GetParameter", "ssm:GetParameters", "ssm:GetParametersByPath")
                .on(path.substring(0, path.length() - 1), path + "*");
    }

    /**
     * What blue/green with a launch template needs beyond AWSCodeDeployRole. The CodeDeploy user
     * guide ("Step 3: Create a service role for CodeDeploy": "If you create your Auto Scaling group
     * with a launch template, you must add the following permissions") adds
     * {@code ec2:RunInstances}, {@code ec2:CreateTags} and {@code iam:PassRole}; PassRole is
     * limited to the instance role. The template's image is {@code resolve:ssm:} of the golden
     * image parameter, and whoever launches with {@code resolve:ssm:} needs {@code ssm:GetParameters}
     * on it (Systems Manager user guide, "Native parameter support for Amazon Machine Image IDs":
     * "The user who runs this command must have ... ssm:GetParameters"); CodeDeploy creates the
     * copied fleet with this role, so without it every copied fleet fails to launch.
     */
    static String blueGreenLaunchTemplatePolicy(String instanceRoleArn, String region, String accountId) {
        return PolicyDocument.of(
                PolicyStatement.allow("LaunchCopiedFleet").actions("ec2:RunInstances", "ec2:CreateTags").on("*"),
                PolicyStatement.allow("PassInstanceRole").actions("iam:PassRole").on(instanceRoleArn),
                PolicyStatement.allow("ResolveGoldenImage").actions("ssm:GetParameters")
                        .on(amiParameterArn(region, accountId)))
                .toJson();
    }

    /** The golden image parameter's ARN (its name starts with '/', which the ARN does not repeat). */
    public static String amiParameterArn(String region, String accountId) {
        return "arn:aws:ssm:" + region + ":" + accountId + ":parameter" + Names.AMI_PARAMETER;
    }

    public Output<String> instanceProfileArn() {
        return instanceProfile.arn();
    }

    public Output<String> serviceRoleArn() {
        return serviceRole.arn();
    }
}
