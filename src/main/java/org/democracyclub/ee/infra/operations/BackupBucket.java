package org.democracyclub.ee.infra.operations;

import com.pulumi.aws.s3.BucketLifecycleConfigurationV2;
import com.pulumi.aws.s3.BucketLifecycleConfigurationV2Args;
import com.pulumi.aws.s3.BucketV2;
import com.pulumi.aws.s3.BucketV2Args;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleAbortIncompleteMultipartUploadArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleExpirationArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleFilterArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleNoncurrentVersionExpirationArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import java.util.Map;
import org.democracyclub.ee.infra.parts.PrivateBucket;
import org.democracyclub.ee.infra.settings.AppAccess;

/**
 * The database backup bucket: versioned, encrypted (SSE-S3), private, backups expiring after the
 * configured days, and the instance role's right to write the backup script's objects. The
 * production bucket exists already: it is imported, not created (docs/operations.md), and
 * protected so that no {@code pulumi up} can delete it.
 */
public final class BackupBucket extends ComponentResource {
    static final int ABORT_UPLOADS_AFTER_DAYS = 2;

    /**
     * @param bucket                    the bucket's name
     * @param expireAfterDays           days a backup is kept
     * @param noncurrentExpireAfterDays days a replaced or deleted backup's old version is kept
     * @param adoptExisting             whether this {@code pulumi up} adopts the existing bucket (import)
     */
    public record Args(String bucket, int expireAfterDays, int noncurrentExpireAfterDays, boolean adoptExisting) {
    }

    public BackupBucket(String name, Args args, ComponentResourceOptions options) {
        super("ee:operations:BackupBucket", name, options);
        var child = CustomResourceOptions.builder().parent(this).build();
        var bucketOptions = CustomResourceOptions.builder().parent(this).protect(true);
        if (args.adoptExisting()) {
            // Pulumi's import option: the up reads the existing bucket into the state instead of
            // creating it, under this very parent and provider. An import fails on any difference
            // in inputs, so the tags (which the bucket may lack) are applied by the next up.
            bucketOptions.importId(args.bucket()).ignoreChanges("tags", "tagsAll");
        }
        var bucket = new BucketV2(args.bucket(), BucketV2Args.builder()
                .bucket(args.bucket())
                .build(), bucketOptions.build());
        // No ownership controls or TLS policy here: the adopted bucket may have its own policy,
        // which a declared one would replace.
        PrivateBucket.secure(name, bucket.id(), child);
        new BucketLifecycleConfigurationV2(name + "-lifecycle", BucketLifecycleConfigurationV2Args.builder()
                .bucket(bucket.id())
                .rules(BucketLifecycleConfigurationV2RuleArgs.builder()
                        .id("expire-backups")
                        .status("Enabled")
                        .filter(BucketLifecycleConfigurationV2RuleFilterArgs.builder().prefix(AppAccess.BACKUP_PREFIX).build())
                        .expiration(BucketLifecycleConfigurationV2RuleExpirationArgs.builder()
                                .days(args.expireAfterDays()).build())
                        .noncurrentVersionExpiration(BucketLifecycleConfigurationV2RuleNoncurrentVersionExpirationArgs
                                .builder().noncurrentDays(args.noncurrentExpireAfterDays()).build())
                        .abortIncompleteMultipartUpload(BucketLifecycleConfigurationV2RuleAbortIncompleteMultipartUploadArgs
                                .builder().daysAfterInitiation(ABORT_UPLOADS_AFTER_DAYS).build())
                        .build())
                .build(), child);
        // The instances' write grant is the instance role's (platform.InstancePolicy, from the same
        // databaseBackupBucket setting), so the bucket and the grant cannot name different buckets.
        registerOutputs(Map.of("backupBucketArn", bucket.arn()));
    }

}
