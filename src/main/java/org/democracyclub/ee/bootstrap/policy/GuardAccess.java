package org.democracyclub.ee.bootstrap.policy;

import static org.democracyclub.ee.bootstrap.policy.ManagedNames.CI_NAME_PATTERN;

import java.util.List;
import org.democracyclub.ee.bootstrap.StateBackend;
import org.democracyclub.ee.infra.iam.PolicyStatement;

/**
 * Explicit denies: what no allow elsewhere, present or future, may open. An explicit deny wins over
 * any allow, including one in a resource-based policy such as a role's trust policy, so a role CI
 * wrote to trust CI still cannot be assumed.
 */
final class GuardAccess {
    private GuardAccess() {
    }

    static List<PolicyStatement> statements(PolicyScope scope) {
        String bucket = "arn:aws:s3:::" + scope.stateBucketName();
        return List.of(
                // CI never becomes another principal: not a role it created, not any other.
                PolicyStatement.deny("DenyAssumingOtherRoles")
                        .actions("sts:AssumeRole", "sts:AssumeRoot", "sts:GetFederationToken")
                        .on("*"),
                PolicyStatement.deny("DenyRemovingTheBoundary")
                        .actions("iam:DeleteRolePermissionsBoundary")
                        .on("*"),
                // The bootstrap's own IAM: the CI roles, their policies, the boundary, the OIDC provider.
                PolicyStatement.deny("DenyChangingTheBootstrapIdentity")
                        .actions("iam:Create*", "iam:Delete*", "iam:Put*", "iam:Update*", "iam:Attach*",
                                "iam:Detach*", "iam:Tag*", "iam:Untag*", "iam:SetDefaultPolicyVersion",
                                "iam:AddClientIDToOpenIDConnectProvider", "iam:RemoveClientIDFromOpenIDConnectProvider",
                                "iam:PassRole")
                        .on(scope.global("iam", "role/" + CI_NAME_PATTERN),
                                scope.global("iam", "policy/" + CI_NAME_PATTERN),
                                scope.global("iam", "oidc-provider/*")),
                // The state bucket and the secrets key stay as the administrator made them.
                PolicyStatement.deny("DenyChangingTheStateBucket")
                        .actions("s3:DeleteBucket", "s3:PutBucketPolicy", "s3:DeleteBucketPolicy",
                                "s3:PutBucketVersioning", "s3:PutEncryptionConfiguration",
                                "s3:PutLifecycleConfiguration", "s3:PutBucketPublicAccessBlock",
                                "s3:PutBucketOwnershipControls", "s3:PutBucketAcl", "s3:DeleteObjectVersion")
                        .on(bucket, bucket + "/*"),
                PolicyStatement.deny("DenyChangingTheSecretsKey")
                        .actions("kms:PutKeyPolicy", "kms:ScheduleKeyDeletion", "kms:DisableKey",
                                "kms:DisableKeyRotation", "kms:CreateGrant", "kms:UpdateAlias", "kms:DeleteAlias",
                                "kms:TagResource", "kms:UntagResource", "kms:UpdateKeyDescription")
                        .on(scope.secretsKeyArn(), scope.regional("kms", StateBackend.SECRETS_KEY_ALIAS)));
    }
}
