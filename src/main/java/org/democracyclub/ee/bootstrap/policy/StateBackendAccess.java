package org.democracyclub.ee.bootstrap.policy;

import java.util.List;

/**
 * What {@code pulumi login s3://...} and the KMS secrets provider need: objects in the one state
 * bucket and encryption with the one key. Nothing here lets CI change the bucket or the key.
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
}
