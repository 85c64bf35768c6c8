package org.democracyclub.ee.bootstrap.policy;

import static org.democracyclub.ee.bootstrap.policy.ManagedNames.BACKUP_BUCKET_PATTERN;
import static org.democracyclub.ee.bootstrap.policy.ManagedNames.PREFIX;
import static org.democracyclub.ee.infra.names.StackTags.PRODUCT;
import static org.democracyclub.ee.infra.names.StackTags.PRODUCT_KEY;

import java.util.List;
import org.democracyclub.ee.infra.iam.PolicyStatement;

/**
 * The program's S3 buckets ({@code ee-*}, such as the revision bucket the deployer uploads
 * bundles to) and its KMS keys (the golden image's key, shared with the organisation). KMS ARNs
 * carry IDs, so keys are scoped by the {@code dc-product=ee} tag; the secrets key carries it too
 * and is kept out by {@link GuardAccess}.
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
                PolicyStatement.allow("KmsCreateTaggedKeys")
                        .actions("kms:CreateKey")
                        .on("*")
                        .when("StringEquals", "aws:RequestTag/" + PRODUCT_KEY, PRODUCT),
                PolicyStatement.allow("KmsList")
                        .actions("kms:ListAliases")
                        .on("*"),
                PolicyStatement.allow("KmsManageTaggedKeys")
                        .actions("kms:DescribeKey", "kms:GetKeyPolicy", "kms:PutKeyPolicy", "kms:GetKeyRotationStatus",
                                "kms:EnableKeyRotation", "kms:ListResourceTags", "kms:TagResource",
                                "kms:UntagResource", "kms:ScheduleKeyDeletion", "kms:UpdateKeyDescription",
                                "kms:CreateAlias", "kms:DeleteAlias", "kms:UpdateAlias")
                        .on(keys)
                        .when("StringEquals", "aws:ResourceTag/" + PRODUCT_KEY, PRODUCT),
                // An alias call is authorised on the alias and on its key (the key by the statement above).
                PolicyStatement.allow("KmsProgramAliases")
                        .actions("kms:CreateAlias", "kms:DeleteAlias", "kms:UpdateAlias")
                        .on(scope.regional("kms", "alias/" + PREFIX + "*")));
    }
}
