package org.democracyclub.ee.infra.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.democracyclub.ee.infra.policy.Res.list;
import static org.democracyclub.ee.infra.policy.Res.obj;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CloudFrontRulesTest {
    private final TestStack stack = TestStack.compliant("production");

    @Test
    void behavioursRedirectingToHttpsPass() {
        assertThat(stack.check(CloudFrontRules.viewersUseHttps())).isEmpty();
    }

    @Test
    void anOrderedBehaviourAllowingHttpIsCaught() {
        stack.edit("ee-distribution", r -> r.set("orderedCacheBehaviors", list(obj("pathPattern", "/static/*",
                "viewerProtocolPolicy", "allow-all", "compress", true))));

        assertThat(stack.check(CloudFrontRules.viewersUseHttps()))
                .extracting(Violation::ruleId, Violation::problem)
                .containsExactly(tuple("EE-CF-1", "orderedCacheBehaviors[/static/*] has viewerProtocolPolicy allow-all"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.2_2021", "TLSv1.2_2025", "TLSv1.3_2025"})
    void modernTlsPoliciesPass(String version) {
        stack.edit("ee-distribution", r -> r.set("viewerCertificate.minimumProtocolVersion", version));

        assertThat(stack.check(CloudFrontRules.modernTls())).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1", "TLSv1.1_2016", "TLSv1.2_2018", "TLSv1.2_2019"})
    void olderTlsPoliciesAreCaught(String version) {
        stack.edit("ee-distribution", r -> r.set("viewerCertificate.minimumProtocolVersion", version));

        assertThat(stack.check(CloudFrontRules.modernTls()))
                .extracting(Violation::ruleId).containsExactly("EE-CF-2");
    }

    @Test
    void theDefaultCloudFrontCertificateIsCaughtOnce() {
        stack.edit("ee-distribution", r -> r.set("viewerCertificate", obj("cloudfrontDefaultCertificate", true)));

        assertThat(stack.check(CloudFrontRules.modernTls())).extracting(Violation::ruleId).containsExactly("EE-CF-2");
        assertThat(stack.check(CloudFrontRules.certificateInUsEast1())).isEmpty();
    }

    @Test
    void aCertificateInUsEast1Passes() {
        assertThat(stack.check(CloudFrontRules.certificateInUsEast1())).isEmpty();
    }

    @Test
    void aCertificateFromTheStacksRegionIsCaught() {
        stack.edit("ee-distribution", r -> r.set("viewerCertificate.acmCertificateArn",
                "arn:aws:acm:eu-west-2:123456789012:certificate/0a1b2c3d"));

        assertThat(stack.check(CloudFrontRules.certificateInUsEast1()))
                .extracting(Violation::ruleId, Violation::resourceName)
                .containsExactly(tuple("EE-CF-3", "ee-distribution"));
    }

    @Test
    void compressionOnEveryBehaviourPasses() {
        assertThat(stack.check(CloudFrontRules.compression())).isEmpty();
    }

    @Test
    void aDefaultBehaviourWithoutCompressionIsCaught() {
        stack.edit("ee-distribution", r -> r.remove("defaultCacheBehavior.compress"));

        assertThat(stack.check(CloudFrontRules.compression()))
                .extracting(Violation::ruleId, Violation::severity, Violation::problem)
                .containsExactly(tuple("EE-CF-4", Severity.WARNING, "defaultCacheBehavior does not compress"));
    }
}
