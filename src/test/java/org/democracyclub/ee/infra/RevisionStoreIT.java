package org.democracyclub.ee.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.democracyclub.ee.infra.policy.DeclaredResource;
import org.democracyclub.ee.infra.preview.OfflineRun;
import org.democracyclub.ee.infra.program.Stacks;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The revision bucket the deployer uploads bundles to, under the mock engine fed from the real stack files. */
class RevisionStoreIT {
    private static final String BUCKET = "ee-revisions-123456789012-eu-west-2";
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"development", "staging", "production"})
    void theBucketIsVersionedEncryptedPrivateAndOwnedByTheAccount(String stack) {
        OfflineRun run = Stacks.run(stack);
        assertThat(run.get("aws:s3/bucketV2:BucketV2", "ee-revisions-bucket").at("bucket")).isEqualTo(BUCKET);
        assertThat(run.get("aws:s3/bucketVersioningV2:BucketVersioningV2", "ee-revisions-versioning")
                .at("versioningConfiguration.status")).isEqualTo("Enabled");
        assertThat(run.get("aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
                "ee-revisions-encryption").at("rules.0.applyServerSideEncryptionByDefault.sseAlgorithm")).isEqualTo("AES256");
        DeclaredResource block = run.get("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "ee-revisions-public-access-block");
        for (String flag : List.of("blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets")) {
            assertThat(block.at(flag)).as(flag).isEqualTo(true);
        }
        assertThat(run.get("aws:s3/bucketOwnershipControls:BucketOwnershipControls", "ee-revisions-ownership")
                .at("rule.objectOwnership")).isEqualTo("BucketOwnerEnforced");
    }

    @ParameterizedTest
    @ValueSource(strings = {"development", "staging", "production"})
    void plainHttpIsDeniedOnTheBucketAndItsObjects(String stack) throws Exception {
        JsonNode policy = JSON.readTree((String) Stacks.run(stack).get("aws:s3/bucketPolicy:BucketPolicy", "ee-revisions-policy").at("policy"));
        JsonNode deny = policy.path("Statement").get(0);
        assertThat(deny.path("Effect").asText()).isEqualTo("Deny");
        assertThat(deny.path("Action").toString()).isEqualTo("[\"s3:*\"]");
        assertThat(deny.path("Condition").path("Bool").path("aws:SecureTransport").toString())
                .isEqualTo("[\"false\"]");
        assertThat(JSON.convertValue(deny.path("Resource"), List.class))
                .containsExactly("arn:aws:s3:::" + BUCKET, "arn:aws:s3:::" + BUCKET + "/*");
    }

    @ParameterizedTest
    @ValueSource(strings = {"development", "staging", "production"})
    void noncurrentBundleVersionsExpireAfterTheStacksSettingAndCurrentOnesNever(String stack) {
        DeclaredResource lifecycle = Stacks.run(stack).get(
                "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2", "ee-revisions-lifecycle");
        assertThat(lifecycle.at("rules.0.status")).isEqualTo("Enabled");
        assertThat(lifecycle.at("rules.0.filter.prefix")).isEqualTo("revisions/");
        assertThat(((Number) lifecycle.at("rules.0.noncurrentVersionExpiration.noncurrentDays")).intValue())
                .isEqualTo(Stacks.settings(stack).revisionVersionsExpireAfterDays()).isEqualTo(90);
        assertThat(lifecycle.at("rules.0.expiration")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"development", "staging", "production"})
    void theInstancesMayReadBundleVersionsAndNothingElseOfTheBucket(String stack) throws Exception {
        JsonNode policy = JSON.readTree((String) Stacks.run(stack).get("aws:iam/rolePolicy:RolePolicy", "ee-iam-instance-access").at("policy"));
        JsonNode grant = null;
        for (JsonNode s : policy.path("Statement")) {
            if (s.path("Resource").toString().contains(BUCKET)) {
                grant = s;
            }
        }
        assertThat(grant).as("a statement on the revision bucket").isNotNull();
        assertThat(JSON.convertValue(grant.path("Action"), List.class)).containsExactly("s3:GetObject", "s3:GetObjectVersion");
        assertThat(JSON.convertValue(grant.path("Resource"), List.class)).containsExactly("arn:aws:s3:::" + BUCKET + "/revisions/*");
    }

    @ParameterizedTest
    @ValueSource(strings = {"development", "staging", "production"})
    void theBucketIsTheStacksRevisionBucketOutput(String stack) {
        assertThat(Stacks.run(stack).outputs()).containsEntry("revisionBucket", BUCKET);
    }
}
