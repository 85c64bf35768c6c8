package org.democracyclub.ee.deployer.revision;

import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.democracyclub.ee.common.RevisionKey;
import org.democracyclub.ee.deployer.BadInputException;
import org.democracyclub.ee.deployer.bundle.Bundle;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The stack's revision bucket, as the deploy command uses it: refuse one that is not versioned,
 * and put each bundle there once under {@code RevisionKey.of(commit, sha256)}.
 *
 * <p>Versioning is required because a deployment names one object version: an overwritten or
 * deleted key must not change what a rollback redeploys (GetBucketVersioning answers no
 * {@code Status} for a bucket that was never versioned, and {@code Suspended} after suspension:
 * S3 API reference, GetBucketVersioning). The upload sends the bundle's SHA-256 as
 * {@code x-amz-checksum-sha256}, so S3 itself refuses a body that arrived damaged (PutObject,
 * "BadDigest"); an existing object is reused only when HeadObject with {@code x-amz-checksum-mode:
 * ENABLED} reports that same checksum.
 */
public final class RevisionBucket {
    private final S3Client s3;
    private final String bucket;

    public RevisionBucket(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    /** Exit 2 before any upload when the bucket keeps no versions. */
    public void requireVersioned() {
        var status = s3.getBucketVersioning(r -> r.bucket(bucket)).status();
        if (status != BucketVersioningStatus.ENABLED) {
            throw new BadInputException("revision bucket " + bucket + " is not versioned (versioning "
                    + (status == null ? "never enabled" : status.toString()) + "), so a deployment could not name an"
                    + " immutable bundle; run `pulumi up` for the stack, which declares it versioned, or"
                    + " aws s3api put-bucket-versioning --bucket " + bucket + " --versioning-configuration Status=Enabled");
        }
    }

    /** The object already there for this bundle, if its checksum is the bundle's. */
    public Optional<UploadedBundle> existing(Bundle bundle) {
        String key = key(bundle);
        HeadObjectResponse head;
        try {
            head = s3.headObject(r -> r.bucket(bucket).key(key).checksumMode(ChecksumMode.ENABLED));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            // HeadObject has no body, so a missing key may arrive as a bare 404 (S3 API reference, HeadObject).
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
        if (!checksum(bundle).equals(head.checksumSHA256()) || head.versionId() == null) {
            return Optional.empty();
        }
        return Optional.of(new UploadedBundle(bucket, key, head.versionId(), unquoted(head.eTag()), false));
    }

    /** Uploads the bundle unless {@link #existing} finds it. */
    public UploadedBundle put(Bundle bundle) {
        Optional<UploadedBundle> there = existing(bundle);
        if (there.isPresent()) {
            return there.get();
        }
        String key = key(bundle);
        PutObjectResponse put = s3.putObject(r -> r.bucket(bucket).key(key).contentType("application/zip")
                .contentLength(bundle.size()).checksumSHA256(checksum(bundle)), RequestBody.fromFile(bundle.file()));
        if (put.versionId() == null) {
            throw new IllegalStateException("S3 stored " + bucket + "/" + key + " without a version ID although the bucket"
                    + " is versioned; check the bucket's versioning and deploy again");
        }
        return new UploadedBundle(bucket, key, put.versionId(), unquoted(put.eTag()), true);
    }

    public String key(Bundle bundle) {
        return RevisionKey.of(bundle.manifest().applicationCommit(), bundle.sha256());
    }

    /** S3's checksum headers carry the digest in base64 (S3 user guide, "Checking object integrity"). */
    static String checksum(Bundle bundle) {
        return Base64.getEncoder().encodeToString(HexFormat.of().parseHex(bundle.sha256()));
    }

    private static String unquoted(String eTag) {
        return eTag == null ? null : eTag.replace("\"", "");
    }
}
