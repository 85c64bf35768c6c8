package org.democracyclub.ee.infra.operations;

import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import java.util.Map;
import org.democracyclub.ee.common.CodeDeployNames;
import org.democracyclub.ee.infra.iam.PolicyDocument;
import org.democracyclub.ee.infra.iam.PolicyStatement;
import org.democracyclub.ee.infra.names.Names;

/**
 * The two roles of the operations: {@code ee-ops-scheduler}, with which EventBridge Scheduler and
 * EventBridge rules start the two runbooks, and {@code ee-ops-automation}, which the runbooks act
 * as. Each may do only what its runbook step needs, on the narrowest resource AWS authorises.
 */
public final class OperationsRoles extends ComponentResource {
    private final Role scheduler;
    private final Role automation;

    /**
     * @param region    the stack's region
     * @param accountId the stack's account
     */
    public record Args(String region, String accountId) {
    }

    public OperationsRoles(String name, Args args, ComponentResourceOptions options) {
        super("ee:operations:OperationsRoles", name, options);
        var child = CustomResourceOptions.builder().parent(this).build();
        automation = new Role(OpsNames.AUTOMATION_ROLE, RoleArgs.builder()
                .name(OpsNames.AUTOMATION_ROLE)
                .description("EveryElection runbooks: find the live fleet, run a job on it, change its capacity")
                .assumeRolePolicy(PolicyDocument.of(PolicyStatement.trustServicesFor(args.accountId(), "ssm.amazonaws.com"))
                        .toJson())
                // The CI role may create and change only roles with the bootstrap's boundary.
                .permissionsBoundary(Names.permissionsBoundaryArn(args.accountId()))
                .build(), child);
        new RolePolicy(name + "-automation-access", RolePolicyArgs.builder()
                .role(automation.name())
                .policy(automationPolicy(args.region(), args.accountId()))
                .build(), child);
        scheduler = new Role(OpsNames.SCHEDULER_ROLE, RoleArgs.builder()
                .name(OpsNames.SCHEDULER_ROLE)
                .description("EventBridge Scheduler and rules: start the EveryElection runbooks")
                .assumeRolePolicy(PolicyDocument.of(PolicyStatement.trustServicesFor(args.accountId(),
                        "scheduler.amazonaws.com", "events.amazonaws.com")).toJson())
                .permissionsBoundary(Names.permissionsBoundaryArn(args.accountId()))
                .build(), child);
        new RolePolicy(name + "-scheduler-start", RolePolicyArgs.builder()
                .role(scheduler.name())
                .policy(automation.arn().applyValue(arn -> schedulerPolicy(args.region(), args.accountId(), arn)))
                .build(), child);
        registerOutputs(Map.of("schedulerRoleArn", scheduler.arn(), "automationRoleArn", automation.arn()));
    }

    /** Starting the two runbooks (any version), and handing them their role. */
    static String schedulerPolicy(String region, String accountId, String automationRoleArn) {
        String definitions = "arn:aws:ssm:" + region + ":" + accountId + ":automation-definition/";
        return PolicyDocument.of(
                PolicyStatement.allow("StartRunbooks").actions("ssm:StartAutomationExecution").on(
                        definitions + OpsNames.RUN_JOB_DOCUMENT, definitions + OpsNames.RUN_JOB_DOCUMENT + ":*",
                        definitions + OpsNames.FLEET_DOCUMENT, definitions + OpsNames.FLEET_DOCUMENT + ":*"),
                PolicyStatement.allow("PassAutomationRole").actions("iam:PassRole").on(automationRoleArn))
                .toJson();
    }

    /**
     * What the runbooks call: the deployment group (which fleet is live, is a deployment under
     * way), the fleets (describe; capacity, policy and scheduled actions only on this deployment
     * group's fleets), Run Command on AWS-RunShellScript, and their own executions (overlap check).
     * The Describe and List calls, GetCommandInvocation and DescribeInstanceInformation support
     * only {@code "*"} in the Service Authorization Reference.
     */
    static String automationPolicy(String region, String accountId) {
        String group = "arn:aws:codedeploy:" + region + ":" + accountId + ":deploymentgroup:"
                + CodeDeployNames.APPLICATION + "/" + CodeDeployNames.DEPLOYMENT_GROUP;
        String fleets = "arn:aws:autoscaling:" + region + ":" + accountId + ":autoScalingGroup:*:autoScalingGroupName/";
        return PolicyDocument.of(
                PolicyStatement.allow("ReadDeploymentGroup")
                        .actions("codedeploy:GetDeploymentGroup", "codedeploy:ListDeployments").on(group),
                PolicyStatement.allow("DescribeFleets").actions("autoscaling:DescribeAutoScalingGroups",
                        "autoscaling:DescribeScheduledActions", "autoscaling:DescribePolicies",
                        "ssm:DescribeInstanceInformation", "ssm:DescribeAutomationExecutions",
                        "ssm:ListCommands", "ssm:ListCommandInvocations", "ssm:GetCommandInvocation").on("*"),
                PolicyStatement.allow("ChangeDeploymentGroupFleets").actions("autoscaling:UpdateAutoScalingGroup",
                        "autoscaling:PutScalingPolicy", "autoscaling:DeletePolicy",
                        "autoscaling:PutScheduledUpdateGroupAction", "autoscaling:DeleteScheduledAction")
                        .on(fleets + Names.CODEDEPLOY_FLEET_PREFIX + "*",
                                fleets + Names.ORIGINAL_FLEET),
                PolicyStatement.allow("RunShellScriptOnInstances").actions("ssm:SendCommand").on(
                        "arn:aws:ssm:" + region + "::document/" + RunbookDocuments.RUN_SHELL_SCRIPT,
                        "arn:aws:ec2:" + region + ":" + accountId + ":instance/*"),
                PolicyStatement.allow("ReadOwnExecutions").actions("ssm:GetAutomationExecution")
                        .on("arn:aws:ssm:" + region + ":" + accountId + ":automation-execution/*"))
                .toJson();
    }

    public Output<String> schedulerRoleArn() {
        return scheduler.arn();
    }

    public Output<String> automationRoleArn() {
        return automation.arn();
    }
}
