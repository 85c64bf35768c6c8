package org.democracyclub.ee.bootstrap.policy;

import java.util.List;
import org.democracyclub.ee.infra.iam.PolicyStatement;

/**
 * What {@code pulumi login s3://...} and the KMS secrets provider need: objects in the one state
 * bucket and encryption with the one key. Nothing here lets CI change the bucket or the key
 * ({@link GuardAccess} denies it outright).
 */
final class StateBackendAccess {
    private StateBackendAccess() {
    }

    static List<PolicyStatement> statements(PolicyScope scope) {
        String bucket = "arn:aws:s3:::" + scope.stateBucketName();
        return List.of(
                PolicyStatement.allow("PulumiStateListBucket")
                        .actions("s3:ListBucket", "s3:GetBucketLocation", "s3:GetBucketVersioning")
                        .on(bucket),
                // Checkpoints, backups, history and locks all live under the bucket's objects.
                PolicyStatement.allow("PulumiStateObjects")
                        .actions("s3:GetObject", "s3:PutObject", "s3:DeleteObject")
                        .on(bucket + "/*"),
                PolicyStatement.allow("PulumiSecretsKey")
                        .actions("kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey", "kms:DescribeKey")
                        .on(scope.secretsKeyArn()));
    }

    /**
     * What a preview needs of the backend: reading, never writing. The DIY backend's
     * {@code Preview} takes no lock and saves no checkpoint (pulumi/pulumi
     * pkg/backend/diy/backend.go: {@code Preview} calls {@code apply} with {@code DryRun}, while
     * {@code Update}, {@code Refresh}, {@code Destroy} and {@code Import} call {@code Lock}); login
     * writes {@code .pulumi/meta.yaml} only into an empty bucket (pkg/backend/diy/meta.go,
     * {@code ensurePulumiMeta}), which the first deploy has filled long before a preview runs.
     */
    static List<PolicyStatement> readStatements(PolicyScope scope) {
        String bucket = "arn:aws:s3:::" + scope.stateBucketName();
        return List.of(
                PolicyStatement.allow("PulumiStateListBucket")
                        .actions("s3:ListBucket", "s3:GetBucketLocation", "s3:GetBucketVersioning")
                        .on(bucket),
                PolicyStatement.allow("PulumiStateRead")
                        .actions("s3:GetObject")
                        .on(bucket + "/*"),
                // The stack's secrets are decrypted to run the program; nothing is encrypted.
                PolicyStatement.allow("PulumiSecretsDecrypt")
                        .actions("kms:Decrypt", "kms:DescribeKey")
                        .on(scope.secretsKeyArn()));
    }
}
