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
import org.democracyclub.ee.infra.names.Names;

/**
 * The IAM roles: the instances' role and profile, and the role CodeDeploy acts with. Policies
 * are built as data ({@link PolicyDocument}); nothing grants {@code "Action": "*"}.
 */
public final class Roles extends ComponentResource {
    private static final String MANAGED = "arn:aws:iam::aws:policy/";

    private final Role instanceRole;
    private final InstanceProfile instanceProfile;
    private final Role serviceRole;

    public Roles(String name, String region, SiteFacts facts, ComponentResourceOptions options) {
        super("ee:platform:Roles", name, options);
        var child = CustomResourceOptions.builder().parent(this).build();

        instanceRole = new Role(Names.INSTANCE_ROLE, RoleArgs.builder()
                .name(Names.INSTANCE_ROLE)
                .description("EveryElection instances: SSM, CloudWatch agent, app parameters, CodeDeploy agent")
                .assumeRolePolicy(PolicyDocument.create().trustService("ec2.amazonaws.com").toJson())
                .managedPolicyArns(List.of(
                        MANAGED + "AmazonSSMManagedInstanceCore",
                        MANAGED + "CloudWatchAgentServerPolicy"))
                .build(), child);
        new RolePolicy(name + "-instance-access", RolePolicyArgs.builder()
                .role(instanceRole.name())
                .policy(instancePolicy(region, facts.accountId()))
                .build(), child);
        instanceProfile = new InstanceProfile(Names.INSTANCE_ROLE, InstanceProfileArgs.builder()
                .name(Names.INSTANCE_ROLE)
                .role(instanceRole.name())
                .build(), child);

        serviceRole = new Role(Names.SERVICE_ROLE, RoleArgs.builder()
                .name(Names.SERVICE_ROLE)
                .description("CodeDeploy blue/green deployments of EveryElection")
                .assumeRolePolicy(PolicyDocument.create().trustService("codedeploy.amazonaws.com").toJson())
                .managedPolicyArns(List.of(MANAGED + "service-role/AWSCodeDeployRole"))
                .build(), child);
        new RolePolicy(name + "-launch-template-fleet", RolePolicyArgs.builder()
                .role(serviceRole.name())
                .policy(instanceRole.arn().applyValue(Roles::blueGreenLaunchTemplatePolicy))
                .build(), child);

        registerOutputs(Map.of("instanceProfileArn", instanceProfile.arn(), "serviceRoleArn", serviceRole.arn()));
    }

    /** Reading the application's own SSM parameters (its .env), by path or by name. */
    public static PolicyDocument appParametersPolicy(String region, String accountId) {
        String path = "arn:aws:ssm:" + region + ":" + accountId + ":parameter" + Application.PARAMETER_PREFIX;
        // GetParametersByPath is authorised on the path itself, the others on each parameter.
        return PolicyDocument.create().allow(
                List.of("ssm:GetParameter", "ssm:GetParameters", "ssm:GetParametersByPath"),
                List.of(path.substring(0, path.length() - 1), path + "*"));
    }

    /** What the instances read: the application's own parameters and the CodeDeploy agent bucket. */
    static String instancePolicy(String region, String accountId) {
        return appParametersPolicy(region, accountId)
                .allow(List.of("s3:GetObject"),
                        List.of("arn:aws:s3:::aws-codedeploy-" + region + "/*"))
                .toJson();
    }

    /**
     * What blue/green with a launch template needs beyond AWSCodeDeployRole: launching the copied
     * fleet's instances, tagging them, and passing only the instance role to them.
     */
    static String blueGreenLaunchTemplatePolicy(String instanceRoleArn) {
        return PolicyDocument.create()
                .allow(List.of("ec2:RunInstances", "ec2:CreateTags"), List.of("*"))
                .allow(List.of("iam:PassRole"), List.of(instanceRoleArn))
                .toJson();
    }

    public Output<String> instanceProfileArn() {
        return instanceProfile.arn();
    }

    public Output<String> serviceRoleArn() {
        return serviceRole.arn();
    }
}
