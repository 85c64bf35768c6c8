package org.democracyclub.ee.infra.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.democracyclub.ee.common.RevisionKey;
import org.democracyclub.ee.infra.policy.DeclaredResource;
import org.democracyclub.ee.infra.preview.OfflineRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link RevisionStore} declared alone with its args. */
class RevisionStoreIT {
    private static final String LIFECYCLE = "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2";
    private static final int DAYS = 42;
    private static OfflineRun run;

    @BeforeAll
    static void declare() {
        run = Alone.declare(options -> new RevisionStore("revisions",
                new RevisionStore.Args(Alone.REGION, Alone.ACCOUNT, DAYS), options));
    }

    @Test
    void theBucketIsNamedFromTheAccountAndRegion() {
        assertThat(run.get("aws:s3/bucketV2:BucketV2", "revisions-bucket").at("bucket"))
                .isEqualTo("ee-revisions-" + Alone.ACCOUNT + "-" + Alone.REGION);
    }

    @Test
    void noncurrentBundleVersionsExpireAfterTheGivenDays() {
        DeclaredResource lifecycle = run.get(LIFECYCLE, "revisions-lifecycle");
        assertThat(lifecycle.at("rules.0.noncurrentVersionExpiration.noncurrentDays")).isEqualTo((double) DAYS);
        assertThat(lifecycle.at("rules.0.filter.prefix")).isEqualTo(RevisionKey.PREFIX);
        assertThat(lifecycle.inputs().toString()).doesNotContain("expiration={");
    }

    @Test
    void theBucketIsVersioned() {
        assertThat(run.get("aws:s3/bucketVersioningV2:BucketVersioningV2", "revisions-versioning")
                .at("versioningConfiguration.status")).isEqualTo("Enabled");
    }

    @Test
    void theBucketPolicyNamesTheBucketOfTheArgs() {
        assertThat((String) run.get("aws:s3/bucketPolicy:BucketPolicy", "revisions-policy").at("policy"))
                .contains("arn:aws:s3:::ee-revisions-" + Alone.ACCOUNT + "-" + Alone.REGION + "/*")
                .contains("aws:SecureTransport");
    }

    @Test
    void argsRefuseLessThanOneDay() {
        assertThatThrownBy(() -> new RevisionStore.Args(Alone.REGION, Alone.ACCOUNT, 0))
                .hasMessageContaining("noncurrentDays");
    }

    @Test
    void everyChildIsParentedToTheComponent() {
        assertThat(run.resources()).filteredOn(r -> !r.isComponent() && !r.type().startsWith("pulumi:providers:"))
                .hasSize(7).allSatisfy(r -> assertThat(r.parentType()).isEqualTo(RevisionStore.TYPE));
    }
}
