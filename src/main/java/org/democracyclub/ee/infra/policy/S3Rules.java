package org.democracyclub.ee.infra.policy;

import static org.democracyclub.ee.infra.policy.BaseRule.perResource;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Rules on S3 buckets (the revision bucket, the state bucket). In provider 6.x a bucket's
 * versioning, encryption and public access block are separate resources naming the bucket in
 * {@code bucket}, so each rule looks for the companion resource of every bucket.
 */
public final class S3Rules {
    static final String BUCKET = "aws:s3/bucketV2:BucketV2";
    static final String VERSIONING = "aws:s3/bucketVersioningV2:BucketVersioningV2";
    static final String ENCRYPTION = "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2";
    static final String PUBLIC_ACCESS_BLOCK = "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock";

    private S3Rules() {
    }

    public static List<Rule> all() {
        return List.of(versioned(), encrypted(), publicAccessBlocked());
    }

    /** EE-S3-1: a deployment names an object version; without versioning an overwrite changes what it ships. */
    static Rule versioned() {
        return perResource("EE-S3-1", Severity.ERROR,
                "Every bucket is versioned: deployments and rollbacks name object versions, and state must survive an overwrite.",
                Set.of(BUCKET), (r, in, out) -> {
                    Optional<DeclaredResource> v = companion(in, VERSIONING, r);
                    if (v.isEmpty() || !v.get().string("versioningConfiguration.status").orElse("").equals("Enabled")) {
                        out.add(r, "no " + VERSIONING + " with versioningConfiguration.status Enabled names this bucket",
                                "declare a BucketVersioningV2 for it with status \"Enabled\"");
                    }
                });
    }

    /** EE-S3-2: buckets hold the application's code and the stacks' state. */
    static Rule encrypted() {
        return perResource("EE-S3-2", Severity.ERROR,
                "Every bucket declares default encryption at rest.",
                Set.of(BUCKET), (r, in, out) -> {
                    Optional<DeclaredResource> e = companion(in, ENCRYPTION, r);
                    if (e.isEmpty() || e.get().string("rules.0.applyServerSideEncryptionByDefault.sseAlgorithm").isEmpty()) {
                        out.add(r, "no server-side encryption configuration names this bucket",
                                "declare a BucketServerSideEncryptionConfigurationV2 with sseAlgorithm AES256 or aws:kms");
                    }
                });
    }

    /** EE-S3-3: nothing in these buckets is public. */
    static Rule publicAccessBlocked() {
        return perResource("EE-S3-3", Severity.ERROR,
                "Every bucket blocks public access (all four settings).",
                Set.of(BUCKET), (r, in, out) -> {
                    Optional<DeclaredResource> b = companion(in, PUBLIC_ACCESS_BLOCK, r);
                    List<String> flags = List.of("blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets");
                    if (b.isEmpty() || !flags.stream().allMatch(f -> b.get().bool(f).orElse(false))) {
                        out.add(r, "no public access block with " + String.join(", ", flags) + " all true names this bucket",
                                "declare a BucketPublicAccessBlock for it with all four set to true");
                    }
                });
    }

    /** The companion resource whose {@code bucket} is this bucket's ID (its name, for S3). */
    private static Optional<DeclaredResource> companion(PolicyInput in, String type, DeclaredResource bucket) {
        String name = bucket.string("bucket").orElse(bucket.id());
        return in.ofType(type).stream()
                .filter(c -> c.string("bucket").map(b -> b.equals(name) || b.equals(bucket.id())).orElse(false))
                .findFirst();
    }
}
