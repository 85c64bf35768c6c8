package org.democracyclub.ee.infra.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyS3RulesTest {
    private static DeclaredResource bucket() {
        return new DeclaredResource(S3Rules.BUCKET, "b", "ee-b", Map.of("bucket", "ee-b"));
    }

    private static List<Violation> check(Rule rule, DeclaredResource... resources) {
        return rule.check(new PolicyInput("development", List.of(resources), List.of(), List.of()));
    }

    @Test
    void aBucketWithoutVersioningOrWithItSuspendedIsAnError() {
        var suspended = new DeclaredResource(S3Rules.VERSIONING, "v", "v", Map.of("bucket", "ee-b",
                "versioningConfiguration", Map.of("status", "Suspended")));
        var enabled = new DeclaredResource(S3Rules.VERSIONING, "v", "v", Map.of("bucket", "ee-b",
                "versioningConfiguration", Map.of("status", "Enabled")));

        assertThat(check(S3Rules.versioned(), bucket())).hasSize(1);
        assertThat(check(S3Rules.versioned(), bucket(), suspended)).hasSize(1);
        assertThat(check(S3Rules.versioned(), bucket(), enabled)).isEmpty();
    }

    @Test
    void aBucketWithoutDefaultEncryptionIsAnError() {
        var sse = new DeclaredResource(S3Rules.ENCRYPTION, "e", "e", Map.of("bucket", "ee-b",
                "rules", List.of(Map.of("applyServerSideEncryptionByDefault", Map.of("sseAlgorithm", "AES256")))));
        var otherBucket = new DeclaredResource(S3Rules.ENCRYPTION, "e", "e", Map.of("bucket", "someone-else",
                "rules", List.of(Map.of("applyServerSideEncryptionByDefault", Map.of("sseAlgorithm", "AES256")))));

        assertThat(check(S3Rules.encrypted(), bucket(), otherBucket)).hasSize(1);
        assertThat(check(S3Rules.encrypted(), bucket(), sse)).isEmpty();
    }

    @Test
    void aPublicAccessBlockMissingOneFlagIsAnError() {
        var partial = new DeclaredResource(S3Rules.PUBLIC_ACCESS_BLOCK, "p", "p", Map.of("bucket", "ee-b",
                "blockPublicAcls", true, "blockPublicPolicy", true, "ignorePublicAcls", true, "restrictPublicBuckets", false));
        assertThat(check(S3Rules.publicAccessBlocked(), bucket(), partial)).singleElement()
                .satisfies(v -> assertThat(v.problem()).contains("restrictPublicBuckets"));
    }
}
