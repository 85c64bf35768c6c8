package org.democracyclub.ee.deployer.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.democracyclub.ee.deployer.aws.AwsClientFactory;
import org.democracyclub.ee.deployer.aws.AwsClients;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** The fake S3 answers the real SDK as S3 documents, over its REST-XML protocol. */
class FakeS3IT {
    private static final String KEY = "revisions/x.zip";

    @Test
    void versionsChecksumsAndMissingKeysAreAnsweredAsS3Documents() throws IOException {
        try (FakeAws fake = FakeAws.start(2); AwsClients aws = AwsClientFactory.create(fake.clientSettings())) {
            var s3 = aws.s3();
            assertThat(s3.getBucketVersioning(r -> r.bucket(FakeS3.BUCKET)).status()).isEqualTo(BucketVersioningStatus.ENABLED);
            assertThatThrownBy(() -> s3.headObject(r -> r.bucket(FakeS3.BUCKET).key(KEY)))
                    .isInstanceOf(NoSuchKeyException.class);

            var first = s3.putObject(r -> r.bucket(FakeS3.BUCKET).key(KEY), RequestBody.fromString("one"));
            var second = s3.putObject(r -> r.bucket(FakeS3.BUCKET).key(KEY), RequestBody.fromString("two"));
            assertThat(first.versionId()).isNotEqualTo(second.versionId());
            assertThat(fake.s3().versions(FakeS3.BUCKET, KEY)).extracting(v -> new String(v.body(), StandardCharsets.UTF_8))
                    .containsExactly("one", "two");

            var head = s3.headObject(r -> r.bucket(FakeS3.BUCKET).key(KEY).checksumMode(ChecksumMode.ENABLED));
            assertThat(head.versionId()).isEqualTo(second.versionId());
            assertThat(head.eTag()).isEqualTo(second.eTag());
        }
    }

    @Test
    void aBodyWhoseSha256IsNotTheOneSentIsRefusedWithBadDigest() throws IOException {
        try (FakeAws fake = FakeAws.start(2); AwsClients aws = AwsClientFactory.create(fake.clientSettings())) {
            // The SHA-256 of "expected", base64: what the deployer would send for another body.
            String other = java.util.Base64.getEncoder().encodeToString(sha256("expected"));
            assertThatThrownBy(() -> aws.s3().putObject(r -> r.bucket(FakeS3.BUCKET).key(KEY).checksumSHA256(other),
                    RequestBody.fromString("damaged")))
                    .isInstanceOf(S3Exception.class)
                    .satisfies(e -> assertThat(((S3Exception) e).awsErrorDetails().errorCode()).isEqualTo("BadDigest"));
            assertThat(fake.s3().versions(FakeS3.BUCKET, KEY)).isEmpty();
        }
    }

    @Test
    void aBucketNeverVersionedHasNoStatusAndItsObjectsNoVersionId() throws IOException {
        try (FakeAws fake = FakeAws.start(2); AwsClients aws = AwsClientFactory.create(fake.clientSettings())) {
            fake.s3().versioning("plain", null);
            assertThat(aws.s3().getBucketVersioning(r -> r.bucket("plain")).status()).isNull();
            assertThat(aws.s3().putObject(r -> r.bucket("plain").key(KEY), RequestBody.fromString("x")).versionId()).isNull();
        }
    }

    private static byte[] sha256(String text) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
