package org.democracyclub.ee.infra.platform;

import com.pulumi.aws.s3.BucketLifecycleConfigurationV2;
import com.pulumi.aws.s3.BucketLifecycleConfigurationV2Args;
import com.pulumi.aws.s3.BucketV2;
import com.pulumi.aws.s3.BucketV2Args;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleAbortIncompleteMultipartUploadArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleFilterArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleNoncurrentVersionExpirationArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import java.util.Map;
import java.util.Objects;
import org.democracyclub.ee.common.RevisionKey;
import org.democracyclub.ee.infra.parts.PrivateBucket;

/**
 * The revision bucket: where the deployer uploads each bundle once, under
 * {@code revisions/<app commit>/<sha256>.zip}, and where the instances' agent downloads the exact
 * version a deployment names. Versioned (a deployment and a rollback name an object version, so
 * nothing may change under them), encrypted at rest (SSE-S3), private (public access blocked,
 * ownership enforced) and TLS-only; noncurrent versions expire after the stack's
 * {@code revisionVersionsExpireAfterDays}. Current objects never expire: their keys differ per
 * bundle, so a bundle stays deployable (and rollback-able) until someone deletes it.
 */
public final class RevisionStore extends ComponentResource {
    public static final String TYPE = "ee:platform:RevisionStore";

    /** Days an incomplete multipart upload (an interrupted {@code deploy --app-source}) is kept. */
    static final int ABORT_INCOMPLETE_UPLOADS_AFTER_DAYS = 7;

    private final Output<String> bucketName;

    /**
     * Inputs of {@link RevisionStore}; the AWS provider comes in the component's options.
     *
     * @param region         the stack's region: part of the bucket's name ({@link #bucketName})
     * @param accountId      the stack's account: part of the bucket's name
     * @param noncurrentDays days a noncurrent bundle version is kept (the stack's
     *                       {@code revisionVersionsExpireAfterDays}); current versions never expire
     */
    public record Args(String region, String accountId, int noncurrentDays) {
        public Args {
            Objects.requireNonNull(region, "region");
            Objects.requireNonNull(accountId, "accountId");
            if (noncurrentDays < 1) {
                throw new IllegalArgumentException("noncurrentDays must be at least 1, got " + noncurrentDays);
            }
        }
    }

    public RevisionStore(String name, Args args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var child = CustomResourceOptions.builder().parent(this).build();
        String bucketId = bucketName(args.accountId(), args.region());

        BucketV2 bucket = new BucketV2(name + "-bucket", BucketV2Args.builder().bucket(bucketId).build(), child);
        PrivateBucket.secure(name, bucket.id(), child);
        PrivateBucket.ownedAndTlsOnly(name, bucket.id(), bucketId, child);
        new BucketLifecycleConfigurationV2(name + "-lifecycle", BucketLifecycleConfigurationV2Args.builder()
                .bucket(bucket.id())
                .rules(BucketLifecycleConfigurationV2RuleArgs.builder()
                        .id("expire-noncurrent-bundles")
                        .status("Enabled")
                        .filter(BucketLifecycleConfigurationV2RuleFilterArgs.builder().prefix(RevisionKey.PREFIX).build())
                        .noncurrentVersionExpiration(BucketLifecycleConfigurationV2RuleNoncurrentVersionExpirationArgs.builder()
                                .noncurrentDays(args.noncurrentDays()).build())
                        .abortIncompleteMultipartUpload(BucketLifecycleConfigurationV2RuleAbortIncompleteMultipartUploadArgs
                                .builder().daysAfterInitiation(ABORT_INCOMPLETE_UPLOADS_AFTER_DAYS).build())
                        .build())
                .build(), child);

        this.bucketName = bucket.bucket();
        registerOutputs(Map.of("bucketName", bucketName));
    }

    /**
     * Bucket names are global: the account and region make it unique, and each environment is its
     * own account. Known before anything is created, so the instance role's grant can name it.
     */
    public static String bucketName(String accountId, String region) {
        return "ee-revisions-" + accountId + "-" + region;
    }

    /** The objects the instances' CodeDeploy agent downloads (GetObject with a version ID). */
    public static String objectsArn(String accountId, String region) {
        return "arn:aws:s3:::" + bucketName(accountId, region) + "/" + RevisionKey.PREFIX + "*";
    }

    public Output<String> bucketName() {
        return bucketName;
    }
}
