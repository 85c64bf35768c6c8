package org.democracyclub.ee.infra.parts;

import com.pulumi.aws.s3.BucketOwnershipControls;
import com.pulumi.aws.s3.BucketOwnershipControlsArgs;
import com.pulumi.aws.s3.BucketPolicy;
import com.pulumi.aws.s3.BucketPolicyArgs;
import com.pulumi.aws.s3.BucketPublicAccessBlock;
import com.pulumi.aws.s3.BucketPublicAccessBlockArgs;
import com.pulumi.aws.s3.BucketServerSideEncryptionConfigurationV2;
import com.pulumi.aws.s3.BucketServerSideEncryptionConfigurationV2Args;
import com.pulumi.aws.s3.BucketVersioningV2;
import com.pulumi.aws.s3.BucketVersioningV2Args;
import com.pulumi.aws.s3.inputs.BucketOwnershipControlsRuleArgs;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationV2RuleArgs;
import com.pulumi.aws.s3.inputs.BucketVersioningV2VersioningConfigurationArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import org.democracyclub.ee.infra.iam.PolicyDocument;
import org.democracyclub.ee.infra.iam.PolicyStatement;

/**
 * The settings every bucket of the project gets, declared in one place as the sibling resources
 * of a bucket (in the AWS provider each is its own resource): versioning, SSE-S3 encryption and
 * all four public-access blocks ({@link #secure}); for a bucket the project owns from its
 * creation, also object ownership enforced (no ACLs) and a policy refusing plain HTTP
 * ({@link #ownedAndTlsOnly}: S3 user guide, "Enforce encryption in transit", the
 * {@code aws:SecureTransport} condition). An adopted bucket (the database backups) gets only the
 * first: a bucket policy would replace the one it may already have.
 *
 * <p>Not a component: the resources stay children of the component that declares the bucket,
 * named {@code <name>-versioning}, {@code -encryption}, {@code -public-access-block},
 * {@code -ownership} and {@code -policy}.
 */
public final class PrivateBucket {
    private PrivateBucket() {
    }

    /** Versioning, encryption at rest and the public-access blocks of {@code bucket} (its ID). */
    public static void secure(String name, Output<String> bucket, CustomResourceOptions options) {
        new BucketVersioningV2(name + "-versioning", BucketVersioningV2Args.builder()
                .bucket(bucket)
                .versioningConfiguration(BucketVersioningV2VersioningConfigurationArgs.builder().status("Enabled").build())
                .build(), options);
        new BucketServerSideEncryptionConfigurationV2(name + "-encryption",
                BucketServerSideEncryptionConfigurationV2Args.builder()
                        .bucket(bucket)
                        .rules(BucketServerSideEncryptionConfigurationV2RuleArgs.builder()
                                .applyServerSideEncryptionByDefault(
                                        BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs
                                                .builder().sseAlgorithm("AES256").build())
                                .build())
                        .build(), options);
        new BucketPublicAccessBlock(name + "-public-access-block", BucketPublicAccessBlockArgs.builder()
                .bucket(bucket)
                .blockPublicAcls(true)
                .blockPublicPolicy(true)
                .ignorePublicAcls(true)
                .restrictPublicBuckets(true)
                .build(), options);
    }

    /** Object ownership enforced and the TLS-only policy of the bucket named {@code bucketName}. */
    public static void ownedAndTlsOnly(String name, Output<String> bucket, String bucketName,
                                       CustomResourceOptions options) {
        new BucketOwnershipControls(name + "-ownership", BucketOwnershipControlsArgs.builder()
                .bucket(bucket)
                .rule(BucketOwnershipControlsRuleArgs.builder().objectOwnership("BucketOwnerEnforced").build())
                .build(), options);
        new BucketPolicy(name + "-policy", BucketPolicyArgs.builder()
                .bucket(bucket)
                .policy(tlsOnlyPolicy(bucketName))
                .build(), options);
    }

    /** Refuses every S3 action over plain HTTP, on the bucket and its objects. */
    public static String tlsOnlyPolicy(String bucketName) {
        String arn = "arn:aws:s3:::" + bucketName;
        return PolicyDocument.of(PolicyStatement.denyWithoutTls(arn, arn + "/*")).toJson();
    }
}
