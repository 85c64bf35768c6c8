package org.democracyclub.ee.bootstrap.policy;

import static org.democracyclub.ee.bootstrap.policy.ManagedNames.BACKUP_BUCKET_PATTERN;
import static org.democracyclub.ee.bootstrap.policy.ManagedNames.PREFIX;
import static org.democracyclub.ee.infra.names.StackTags.PRODUCT;
import static org.democracyclub.ee.infra.names.StackTags.PRODUCT_KEY;

import java.util.List;
import org.democracyclub.ee.infra.iam.PolicyStatement;

/**
 * The program's S3 buckets ({@code ee-*}, such as the revision bucket the deployer uploads
 * bundles to) and the look-up of the golden image's KMS key, which the bootstrap creates. KMS
 * ARNs carry IDs, so keys are scoped by the {@code dc-product=ee} tag; CI only describes them.
 */
final class StorageAccess {
    private StorageAccess() {
    }

    static List<PolicyStatement> statements(PolicyScope scope) {
        String buckets = "arn:aws:s3:::" + PREFIX + "*";
        String keys = scope.regional("kms", "key/*");
        return List.of(
                // What the provider reads back for a bucket and its configuration resources, for the
                // program's buckets and the backup buckets it adopts (whose objects CI never touches).
                PolicyStatement.allow("S3ConfigureBuckets")
                        .actions("s3:CreateBucket", "s3:ListBucket", "s3:GetBucketLocation",
                                "s3:GetBucketVersioning", "s3:PutBucketVersioning", "s3:GetBucketTagging",
                                "s3:PutBucketTagging", "s3:GetEncryptionConfiguration",
                                "s3:PutEncryptionConfiguration", "s3:GetBucketPublicAccessBlock",
                                "s3:PutBucketPublicAccessBlock", "s3:GetBucketOwnershipControls",
                                "s3:PutBucketOwnershipControls", "s3:GetBucketPolicy", "s3:PutBucketPolicy",
                                "s3:GetLifecycleConfiguration",
                                "s3:PutLifecycleConfiguration", "s3:GetBucketAcl", "s3:GetBucketCORS",
                                "s3:GetBucketWebsite", "s3:GetBucketLogging", "s3:GetReplicationConfiguration",
                                "s3:GetBucketObjectLockConfiguration", "s3:GetBucketRequestPayment",
                                "s3:GetAccelerateConfiguration")
                        .on(buckets, "arn:aws:s3:::" + BACKUP_BUCKET_PATTERN),
                // Deleting: the program's own buckets only; the backup buckets are protected.
                PolicyStatement.allow("S3DeleteProgramBuckets")
                        .actions("s3:DeleteBucket", "s3:DeleteBucketPolicy")
                        .on(buckets),
                // The deployer uploads a bundle and checks it (HeadObject is authorised as GetObject).
                PolicyStatement.allow("S3ProgramObjects")
                        .actions("s3:PutObject", "s3:GetObject", "s3:GetObjectVersion")
                        .on(buckets + "/*"),
                // The golden image's key is the bootstrap's (bootstrap.GoldenImageKey): CI may not
                // create tagged keys, as that takes kms:TagResource on every key of the account (KMS
                // developer guide, "Controlling access to tags"). The program only looks its alias up:
                // aws:kms/getAlias lists the aliases, then describes the key by its alias
                // (terraform-provider-aws internal/service/kms/alias_data_source.go), which KMS
                // authorises on the key.
                PolicyStatement.allow("KmsList")
                        .actions("kms:ListAliases")
                        .on("*"),
                PolicyStatement.allow("KmsDescribeTaggedKeys")
                        .actions("kms:DescribeKey")
                        .on(keys)
                        .when("StringEquals", "aws:ResourceTag/" + PRODUCT_KEY, PRODUCT));
    }
}
