package org.democracyclub.ee.bootstrap.policy;

import static org.democracyclub.ee.bootstrap.policy.ManagedNames.PREFIX;
import static org.democracyclub.ee.infra.names.StackTags.PRODUCT;
import static org.democracyclub.ee.infra.names.StackTags.PRODUCT_KEY;

import java.util.List;
import org.democracyclub.ee.infra.iam.PolicyStatement;

/**
 * EC2 (security groups, launch template) and the load balancer. EC2 ARNs carry IDs, not names,
 * so EC2 resources are scoped by the {@code dc-product=ee} tag: created only with it, changed
 * only when they have it. Load balancer ARNs carry names, so those are scoped by the prefix.
 */
final class NetworkAccess {
    private static final String REQUEST_TAG = "aws:RequestTag/" + PRODUCT_KEY;
    private static final String RESOURCE_TAG = "aws:ResourceTag/" + PRODUCT_KEY;

    private NetworkAccess() {
    }

    static List<PolicyStatement> statements(PolicyScope scope) {
        String securityGroups = scope.regional("ec2", "security-group/*");
        String launchTemplates = scope.regional("ec2", "launch-template/*");
        return List.of(
                PolicyStatement.allow("Ec2Read")
                        .actions("ec2:Describe*", "ec2:GetManagedPrefixListEntries",
                                "ec2:GetLaunchTemplateData", "ec2:GetSecurityGroupsForVpc")
                        .on("*"),
                PolicyStatement.allow("Ec2CreateTaggedOnly")
                        .actions("ec2:CreateSecurityGroup", "ec2:CreateLaunchTemplate")
                        .on(securityGroups, launchTemplates)
                        .when("StringEquals", REQUEST_TAG, PRODUCT),
                PolicyStatement.allow("Ec2SecurityGroupsInVpcs")
                        .actions("ec2:CreateSecurityGroup")
                        .on(scope.regional("ec2", "vpc/*")),
                PolicyStatement.allow("Ec2TagOnCreate")
                        .actions("ec2:CreateTags")
                        .on(securityGroups, launchTemplates, scope.regional("ec2", "security-group-rule/*"),
                                scope.regional("ec2", "instance/*"), scope.regional("ec2", "volume/*"),
                                scope.regional("ec2", "network-interface/*"))
                        .when("StringEquals", "ec2:CreateAction", "CreateSecurityGroup",
                                "AuthorizeSecurityGroupIngress", "AuthorizeSecurityGroupEgress",
                                "CreateLaunchTemplate", "RunInstances"),
                PolicyStatement.allow("Ec2ChangeOwnResources")
                        .actions("ec2:DeleteSecurityGroup", "ec2:AuthorizeSecurityGroupIngress",
                                "ec2:AuthorizeSecurityGroupEgress", "ec2:RevokeSecurityGroupIngress",
                                "ec2:RevokeSecurityGroupEgress", "ec2:ModifySecurityGroupRules",
                                "ec2:UpdateSecurityGroupRuleDescriptionsIngress",
                                "ec2:UpdateSecurityGroupRuleDescriptionsEgress",
                                "ec2:CreateLaunchTemplateVersion", "ec2:ModifyLaunchTemplate",
                                "ec2:DeleteLaunchTemplate", "ec2:DeleteLaunchTemplateVersions",
                                "ec2:CreateTags", "ec2:DeleteTags")
                        .on(securityGroups, launchTemplates)
                        .when("StringEquals", RESOURCE_TAG, PRODUCT),
                // A tag change on a rule (the provider's default tags) is made on the rule itself.
                PolicyStatement.allow("Ec2TagOwnRules")
                        .actions("ec2:CreateTags", "ec2:DeleteTags")
                        .on(scope.regional("ec2", "security-group-rule/*"))
                        .when("StringEquals", RESOURCE_TAG, PRODUCT),
                // Rule resources have no tags of their own until created; the group they belong
                // to is checked by Ec2ChangeOwnResources in the same request. Revoking is
                // authorised on the group alone (Service Authorization Reference).
                PolicyStatement.allow("Ec2SecurityGroupRules")
                        .actions("ec2:AuthorizeSecurityGroupIngress", "ec2:AuthorizeSecurityGroupEgress",
                                "ec2:ModifySecurityGroupRules")
                        .on(scope.regional("ec2", "security-group-rule/*"),
                                "arn:aws:ec2:" + scope.region() + ":*:prefix-list/*"),
                // Creating or updating an Auto Scaling group from a launch template checks that
                // the caller could launch it: only from launch templates tagged as ours.
                PolicyStatement.allow("Ec2LaunchFromOwnTemplates")
                        .actions("ec2:RunInstances")
                        .on(launchTemplates)
                        .when("StringEquals", RESOURCE_TAG, PRODUCT),
                PolicyStatement.allow("Ec2LaunchedResources")
                        .actions("ec2:RunInstances")
                        .on(scope.regional("ec2", "instance/*"), scope.regional("ec2", "volume/*"),
                                scope.regional("ec2", "network-interface/*"), scope.regional("ec2", "subnet/*"),
                                securityGroups, "arn:aws:ec2:" + scope.region() + "::image/*")
                        .when("ArnLike", "ec2:LaunchTemplate", launchTemplates),
                PolicyStatement.allow("LoadBalancerRead")
                        .actions("elasticloadbalancing:Describe*")
                        .on("*"),
                PolicyStatement.allow("LoadBalancerManageOwn")
                        .actions("elasticloadbalancing:CreateLoadBalancer",
                                "elasticloadbalancing:DeleteLoadBalancer",
                                "elasticloadbalancing:ModifyLoadBalancerAttributes",
                                "elasticloadbalancing:SetSecurityGroups", "elasticloadbalancing:SetSubnets",
                                "elasticloadbalancing:SetIpAddressType",
                                "elasticloadbalancing:CreateTargetGroup", "elasticloadbalancing:DeleteTargetGroup",
                                "elasticloadbalancing:ModifyTargetGroup",
                                "elasticloadbalancing:ModifyTargetGroupAttributes",
                                "elasticloadbalancing:CreateListener", "elasticloadbalancing:DeleteListener",
                                "elasticloadbalancing:ModifyListener",
                                "elasticloadbalancing:ModifyListenerAttributes",
                                "elasticloadbalancing:AddListenerCertificates",
                                "elasticloadbalancing:RemoveListenerCertificates",
                                "elasticloadbalancing:CreateRule", "elasticloadbalancing:DeleteRule",
                                "elasticloadbalancing:ModifyRule", "elasticloadbalancing:SetRulePriorities",
                                "elasticloadbalancing:AddTags", "elasticloadbalancing:RemoveTags")
                        .on(scope.regional("elasticloadbalancing", "loadbalancer/app/" + PREFIX + "*/*"),
                                scope.regional("elasticloadbalancing", "targetgroup/" + PREFIX + "*/*"),
                                scope.regional("elasticloadbalancing", "listener/app/" + PREFIX + "*/*/*"),
                                scope.regional("elasticloadbalancing",
                                        "listener-rule/app/" + PREFIX + "*/*/*/*")));
    }
}
