package org.democracyclub.ee.bootstrap.policy;

import static org.democracyclub.ee.bootstrap.policy.ManagedNames.ATTACHABLE_AWS_POLICIES;
import static org.democracyclub.ee.bootstrap.policy.ManagedNames.INSTANCE_ROLE;
import static org.democracyclub.ee.bootstrap.policy.ManagedNames.PASSABLE_ROLES;
import static org.democracyclub.ee.bootstrap.policy.ManagedNames.PREFIX;
import static org.democracyclub.ee.bootstrap.policy.ManagedNames.ROLE_PATTERNS;

import java.util.ArrayList;
import java.util.List;

/**
 * IAM: the program's roles, instance profiles and policies, by name. IAM write access is what
 * turns a deploy identity into an administrator, so every statement here names its resources,
 * PassRole covers only the roles services need, and only listed policies may be attached.
 */
final class IdentityAccess {
    private IdentityAccess() {
    }

    static List<PolicyStatement> statements(PolicyScope scope) {
        List<String> roles = ROLE_PATTERNS.stream().map(name -> scope.global("iam", "role/" + name)).toList();
        List<String> attachable = new ArrayList<>();
        ATTACHABLE_AWS_POLICIES.forEach(name -> attachable.add("arn:aws:iam::aws:policy/" + name));
        attachable.add(scope.global("iam", "policy/" + PREFIX + "*"));
        return List.of(
                PolicyStatement.allow("IamManageProgramRoles")
                        .actions("iam:CreateRole", "iam:DeleteRole", "iam:GetRole", "iam:UpdateRole",
                                "iam:UpdateRoleDescription", "iam:UpdateAssumeRolePolicy", "iam:TagRole",
                                "iam:UntagRole", "iam:ListRoleTags", "iam:PutRolePolicy",
                                "iam:DeleteRolePolicy", "iam:GetRolePolicy", "iam:ListRolePolicies",
                                "iam:ListAttachedRolePolicies", "iam:ListInstanceProfilesForRole",
                                "iam:DetachRolePolicy")
                        .on(roles),
                PolicyStatement.allow("IamAttachListedPolicies")
                        .actions("iam:AttachRolePolicy")
                        .on(roles)
                        .when("ArnEquals", "iam:PolicyARN", attachable.toArray(String[]::new)),
                PolicyStatement.allow("IamManageInstanceProfiles")
                        .actions("iam:CreateInstanceProfile", "iam:DeleteInstanceProfile",
                                "iam:GetInstanceProfile", "iam:AddRoleToInstanceProfile",
                                "iam:RemoveRoleFromInstanceProfile", "iam:TagInstanceProfile",
                                "iam:UntagInstanceProfile", "iam:ListInstanceProfileTags")
                        .on(scope.global("iam", "instance-profile/" + PREFIX + "*"),
                                scope.global("iam", "instance-profile/" + INSTANCE_ROLE)),
                PolicyStatement.allow("IamManageProgramPolicies")
                        .actions("iam:CreatePolicy", "iam:DeletePolicy", "iam:GetPolicy",
                                "iam:GetPolicyVersion", "iam:ListPolicyVersions", "iam:CreatePolicyVersion",
                                "iam:DeletePolicyVersion", "iam:TagPolicy", "iam:UntagPolicy",
                                "iam:ListPolicyTags", "iam:ListEntitiesForPolicy")
                        .on(scope.global("iam", "policy/" + PREFIX + "*")),
                PolicyStatement.allow("IamReadAwsManagedPolicies")
                        .actions("iam:GetPolicy", "iam:GetPolicyVersion")
                        .on("arn:aws:iam::aws:policy/*"),
                // Passing a role lets a service act with it, so only the roles the launch
                // template, the deployment group and Image Builder need.
                PolicyStatement.allow("IamPassServiceRoles")
                        .actions("iam:PassRole")
                        .on(PASSABLE_ROLES.stream().map(name -> scope.global("iam", "role/" + name)).toList()),
                PolicyStatement.allow("IamServiceLinkedRoles")
                        .actions("iam:CreateServiceLinkedRole")
                        .on(scope.global("iam", "role/aws-service-role/*"))
                        .when("StringEquals", "iam:AWSServiceName", "autoscaling.amazonaws.com",
                                "elasticloadbalancing.amazonaws.com", "imagebuilder.amazonaws.com"));
    }
}
