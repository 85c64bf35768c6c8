package org.democracyclub.ee.bootstrap.policy;

import static org.democracyclub.ee.bootstrap.policy.ManagedNames.DEPLOYMENT_FLEET_PATTERN;
import static org.democracyclub.ee.bootstrap.policy.ManagedNames.PREFIX;

import java.util.List;
import org.democracyclub.ee.common.CodeDeployNames;
import org.democracyclub.ee.infra.iam.PolicyStatement;

/**
 * The fleet and its deployments: the program's Auto Scaling group and CodeDeploy application,
 * and what the deployer does with them (start, watch and stop deployments; raise a powered-off
 * fleet; delete the fleet a failed deployment left behind).
 */
final class FleetAccess {
    private FleetAccess() {
    }

    static List<PolicyStatement> statements(PolicyScope scope) {
        return List.of(
                PolicyStatement.allow("AutoScalingRead")
                        .actions("autoscaling:Describe*")
                        .on("*"),
                PolicyStatement.allow("AutoScalingManageFleets")
                        .actions("autoscaling:CreateAutoScalingGroup", "autoscaling:UpdateAutoScalingGroup",
                                "autoscaling:DeleteAutoScalingGroup", "autoscaling:SetDesiredCapacity",
                                "autoscaling:CreateOrUpdateTags", "autoscaling:DeleteTags",
                                "autoscaling:AttachLoadBalancerTargetGroups",
                                "autoscaling:DetachLoadBalancerTargetGroups",
                                "autoscaling:AttachTrafficSources", "autoscaling:DetachTrafficSources",
                                "autoscaling:SuspendProcesses", "autoscaling:ResumeProcesses",
                                "autoscaling:EnableMetricsCollection", "autoscaling:DisableMetricsCollection",
                                "autoscaling:PutScalingPolicy", "autoscaling:DeletePolicy",
                                "autoscaling:PutScheduledUpdateGroupAction", "autoscaling:DeleteScheduledAction",
                                "autoscaling:BatchPutScheduledUpdateGroupAction",
                                "autoscaling:BatchDeleteScheduledAction")
                        .on(fleet(scope, PREFIX + "*"), fleet(scope, DEPLOYMENT_FLEET_PATTERN)),
                PolicyStatement.allow("CodeDeployList")
                        .actions("codedeploy:ListApplications", "codedeploy:ListDeploymentConfigs")
                        .on("*"),
                PolicyStatement.allow("CodeDeployApplication")
                        .actions("codedeploy:CreateApplication", "codedeploy:DeleteApplication",
                                "codedeploy:GetApplication", "codedeploy:UpdateApplication",
                                "codedeploy:ListDeploymentGroups", "codedeploy:RegisterApplicationRevision",
                                "codedeploy:GetApplicationRevision", "codedeploy:ListApplicationRevisions",
                                "codedeploy:TagResource",
                                "codedeploy:UntagResource", "codedeploy:ListTagsForResource")
                        .on(application(scope)),
                PolicyStatement.allow("CodeDeployGroupAndDeployments")
                        .actions("codedeploy:CreateDeploymentGroup", "codedeploy:UpdateDeploymentGroup",
                                "codedeploy:DeleteDeploymentGroup", "codedeploy:GetDeploymentGroup",
                                "codedeploy:BatchGetDeploymentGroups", "codedeploy:CreateDeployment",
                                "codedeploy:GetDeployment", "codedeploy:BatchGetDeployments",
                                "codedeploy:ListDeployments", "codedeploy:TagResource", "codedeploy:UntagResource",
                                "codedeploy:ListTagsForResource")
                        .on(scope.regional("codedeploy",
                                "deploymentgroup:" + CodeDeployNames.APPLICATION + "/" + CodeDeployNames.DEPLOYMENT_GROUP)),
                // The Service Authorization Reference lists no resource type for these: they are
                // authorised on "*" only, so a narrower Resource would deny every call.
                PolicyStatement.allow("CodeDeployDeploymentTargets")
                        .actions("codedeploy:ListDeploymentTargets", "codedeploy:BatchGetDeploymentTargets",
                                "codedeploy:GetDeploymentTarget", "codedeploy:StopDeployment",
                                "codedeploy:ContinueDeployment")
                        .on("*"),
                PolicyStatement.allow("CodeDeployConfigs")
                        .actions("codedeploy:GetDeploymentConfig")
                        .on(scope.regional("codedeploy", "deploymentconfig:*")));
    }

    private static String application(PolicyScope scope) {
        return scope.regional("codedeploy", "application:" + CodeDeployNames.APPLICATION);
    }

    private static String fleet(PolicyScope scope, String namePattern) {
        return scope.regional("autoscaling", "autoScalingGroup:*:autoScalingGroupName/" + namePattern);
    }
}
