package org.democracyclub.ee.bootstrap.policy;

import static org.democracyclub.ee.bootstrap.policy.ManagedNames.ATTACHABLE_AWS_POLICIES;
import static org.democracyclub.ee.bootstrap.policy.ManagedNames.PASSABLE_ROLES;
import static org.democracyclub.ee.bootstrap.policy.ManagedNames.PREFIX;
import static org.democracyclub.ee.bootstrap.policy.ManagedNames.ROLE_PATTERNS;
import static org.democracyclub.ee.infra.names.Names.INSTANCE_ROLE;

import java.util.ArrayList;
import java.util.List;
import org.democracyclub.ee.infra.iam.PolicyStatement;

/**
 * IAM: the program's roles, instance profiles and policies, by name. IAM write access is what
 * turns a deploy identity into an administrator, so: every role CI creates or changes must carry
 * the bootstrap's permissions boundary ({@code iam:PermissionsBoundary}, which IAM evaluates
 * against the role's boundary, or for CreateRole and PutRolePermissionsBoundary the boundary
 * requested), whatever CI then attaches to it is capped by that boundary, PassRole covers only the
 * roles services need and only towards those services, and only listed AWS policies may be
 * attached. {@link GuardAccess} denies the rest explicitly.
 */
final class IdentityAccess {
    private static final String BOUNDARY_KEY = "iam:PermissionsBoundary";

    private IdentityAccess() {
    }

    static List<PolicyStatement> statements(PolicyScope scope) {
        List<String> roles = ROLE_PATTERNS.stream().map(name -> scope.global("iam", "role/" + name)).toList();
        String boundary = scope.boundaryArn();
        List<String> attachable = new ArrayList<>();
        ATTACHABLE_AWS_POLICIES.forEach(name -> attachable.add("arn:aws:iam::aws:policy/" + name));
        attachable.add(scope.global("iam", "policy/" + PREFIX + "*"));
        List<PolicyStatement> statements = new ArrayList<>(List.of(
                PolicyStatement.allow("IamReadAndTagProgramRoles")
                        .actions("iam:GetRole", "iam:ListRoleTags", "iam:GetRolePolicy", "iam:ListRolePolicies",
                                "iam:ListAttachedRolePolicies", "iam:ListInstanceProfilesForRole",
                                "iam:TagRole", "iam:UntagRole")
                        .on(roles),
                // Creating a role, setting its boundary, and every change of its permissions or
                // trust need the boundary on the role: a role without it is out of CI's reach.
                PolicyStatement.allow("IamChangeBoundedRoles")
                        .actions("iam:CreateRole", "iam:PutRolePermissionsBoundary", "iam:DeleteRole",
                                "iam:UpdateRole", "iam:UpdateRoleDescription", "iam:UpdateAssumeRolePolicy",
                                "iam:PutRolePolicy", "iam:DeleteRolePolicy", "iam:DetachRolePolicy")
                        .on(roles)
                        .when("StringEquals", BOUNDARY_KEY, boundary),
                PolicyStatement.allow("IamAttachListedPolicies")
                        .actions("iam:AttachRolePolicy")
                        .on(roles)
                        .when("ArnEquals", "iam:PolicyARN", attachable.toArray(String[]::new))
                        .when("StringEquals", BOUNDARY_KEY, boundary),
                PolicyStatement.allow("IamManageInstanceProfiles")
                        .actions("iam:CreateInstanceProfile", "iam:DeleteInstanceProfile",
                                "iam:GetInstanceProfile", "iam:AddRoleToInstanceProfile",
                                "iam:RemoveRoleFromInstanceProfile", "iam:TagInstanceProfile",
                                "iam:UntagInstanceProfile", "iam:ListInstanceProfileTags")
                        .on(scope.global("iam", "instance-profile/" + PREFIX + "*"),
                                scope.global("iam", "instance-profile/" + INSTANCE_ROLE)),
                // Policies named ee-* take effect only through roles with the boundary.
                PolicyStatement.allow("IamManageProgramPolicies")
                        .actions("iam:CreatePolicy", "iam:DeletePolicy", "iam:GetPolicy",
                                "iam:GetPolicyVersion", "iam:ListPolicyVersions", "iam:CreatePolicyVersion",
                                "iam:DeletePolicyVersion", "iam:TagPolicy", "iam:UntagPolicy",
                                "iam:ListPolicyTags", "iam:ListEntitiesForPolicy")
                        .on(scope.global("iam", "policy/" + PREFIX + "*")),
                PolicyStatement.allow("IamReadAwsManagedPoliciesAndBoundary")
                        .actions("iam:GetPolicy", "iam:GetPolicyVersion")
                        .on("arn:aws:iam::aws:policy/*", boundary)));
        // Passing a role lets a service act with it: only the roles the launch template, the
        // deployment group, Image Builder and the operations jobs need, each to its services.
        PASSABLE_ROLES.forEach((role, services) -> statements.add(PolicyStatement.allow("IamPass" + sidOf(role))
                .actions("iam:PassRole")
                .on(scope.global("iam", "role/" + role))
                .when(ManagedNames.INSTANCE_PROFILE_ROLES.contains(role) ? "StringEqualsIfExists" : "StringEquals",
                        "iam:PassedToService", services.toArray(String[]::new))));
        statements.add(PolicyStatement.allow("IamServiceLinkedRoles")
                .actions("iam:CreateServiceLinkedRole")
                .on(scope.global("iam", "role/aws-service-role/*"))
                .when("StringEquals", "iam:AWSServiceName", "autoscaling.amazonaws.com",
                        "elasticloadbalancing.amazonaws.com", "imagebuilder.amazonaws.com"));
        return statements;
    }

    /** {@code ee-image-builder-instance} becomes {@code EeImageBuilderInstance}: a Sid names the role. */
    static String sidOf(String roleName) {
        StringBuilder sid = new StringBuilder();
        for (String part : roleName.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                sid.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return sid.toString();
    }
}
