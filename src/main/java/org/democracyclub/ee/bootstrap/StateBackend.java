package org.democracyclub.ee.bootstrap;

import com.pulumi.aws.kms.Alias;
import com.pulumi.aws.kms.AliasArgs;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import com.pulumi.aws.s3.BucketLifecycleConfigurationV2;
import com.pulumi.aws.s3.BucketLifecycleConfigurationV2Args;
import com.pulumi.aws.s3.BucketV2;
import com.pulumi.aws.s3.BucketV2Args;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleAbortIncompleteMultipartUploadArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleExpirationArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleFilterArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleNoncurrentVersionExpirationArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import java.util.Map;
import org.democracyclub.ee.infra.parts.PrivateBucket;

/**
 * Where the main program keeps its state and how it encrypts its secrets: a private, versioned,
 * encrypted S3 bucket and a KMS key with rotation. Both are protected: losing either loses every
 * stack of the account, so {@code pulumi destroy} must not remove them.
 */
public final class StateBackend extends ComponentResource {
    public static final String TYPE = "ee:bootstrap:StateBackend";
    /** The alias the stacks' secrets provider names ({@code awskms://alias/...}). */
    public static final String SECRETS_KEY_ALIAS = "alias/ee-pulumi-secrets";

    private final Output<String> bucketName;
    private final Output<String> secretsKeyArn;

    public StateBackend(String name, BootstrapSettings settings) {
        super(TYPE, name, ComponentResourceOptions.builder().build());
        CustomResourceOptions child = CustomResourceOptions.builder().parent(this).build();
        CustomResourceOptions kept = CustomResourceOptions.builder().parent(this).protect(true).build();
        String bucketId = settings.stateBucketName();

        BucketV2 bucket = new BucketV2(name + "-bucket", BucketV2Args.builder()
                .bucket(bucketId)
                .tags(settings.tags())
                .build(), kept);
        PrivateBucket.secure(name, bucket.id(), child);
        // Versioning keeps every checkpoint ever written; old versions expire after the
        // configured days, and the delete markers a removed stack leaves go when nothing is
        // behind them.
        new BucketLifecycleConfigurationV2(name + "-lifecycle", BucketLifecycleConfigurationV2Args.builder()
                .bucket(bucket.id())
                .rules(BucketLifecycleConfigurationV2RuleArgs.builder()
                        .id("expire-old-state-versions")
                        .status("Enabled")
                        .filter(BucketLifecycleConfigurationV2RuleFilterArgs.builder().prefix("").build())
                        .noncurrentVersionExpiration(BucketLifecycleConfigurationV2RuleNoncurrentVersionExpirationArgs
                                .builder().noncurrentDays(settings.noncurrentVersionDays()).build())
                        .expiration(BucketLifecycleConfigurationV2RuleExpirationArgs.builder()
                                .expiredObjectDeleteMarker(true).build())
                        .abortIncompleteMultipartUpload(
                                BucketLifecycleConfigurationV2RuleAbortIncompleteMultipartUploadArgs.builder()
                                        .daysAfterInitiation(7).build())
                        .build())
                .build(), child);
        PrivateBucket.ownedAndTlsOnly(name, bucket.id(), bucketId, child);

        Key key = new Key(name + "-secrets-key", KeyArgs.builder()
                .description("Encrypts the secrets of the every-election Pulumi stacks")
                .enableKeyRotation(true)
                .deletionWindowInDays(30)
                .tags(settings.tags())
                .build(), kept);
        new Alias(name + "-secrets-key-alias", AliasArgs.builder()
                .name(SECRETS_KEY_ALIAS)
                .targetKeyId(key.keyId())
                .build(), child);

        this.bucketName = bucket.bucket();
        this.secretsKeyArn = key.arn();
        registerOutputs(Map.of("bucketName", bucketName, "secretsKeyArn", secretsKeyArn));
    }

    public Output<String> bucketName() {
        return bucketName;
    }

    public Output<String> secretsKeyArn() {
        return secretsKeyArn;
    }
}
