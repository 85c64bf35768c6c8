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

    @Test
    void anHttpsOnlyOriginWithTls12Passes() {
        assertThat(stack.check(CloudFrontRules.originsUseHttps())).isEmpty();
    }

    @Test
    void aPlainHttpOriginIsCaught() {
        stack.edit("ee-distribution", r -> r.set("origins", list(obj("originId", "ee-alb", "domainName", "ee-alb.elb",
                "customOriginConfig", obj("originProtocolPolicy", "http-only", "originSslProtocols", list("TLSv1.2"))))));

        assertThat(stack.check(CloudFrontRules.originsUseHttps()))
                .extracting(Violation::ruleId, Violation::problem)
                .containsExactly(tuple("EE-CF-5", "origin ee-alb has originProtocolPolicy http-only"));
    }

    @Test
    void anOriginAllowingOldTlsIsCaught() {
        stack.edit("ee-distribution", r -> r.set("origins", list(obj("originId", "ee-alb", "domainName", "origin.ee",
                "customOriginConfig", obj("originProtocolPolicy", "https-only",
                        "originSslProtocols", list("TLSv1", "TLSv1.1", "TLSv1.2"))))));

        assertThat(stack.check(CloudFrontRules.originsUseHttps()))
                .extracting(Violation::ruleId, Violation::problem)
                .containsExactly(tuple("EE-CF-5", "origin ee-alb allows originSslProtocols [TLSv1, TLSv1.1, TLSv1.2]"));
    }

    @Test
    void aCachingPolicyWithAKeyPasses() {
        assertThat(stack.check(CloudFrontRules.uncachedPoliciesKeyOnNothing())).isEmpty();
    }

    @Test
    void aPolicyThatCachesNothingWithNothingInItsKeyPasses() {
        stack.add(Res.of(Types.CACHE_POLICY, "ee-nothing").set("minTtl", 0).set("defaultTtl", 0).set("maxTtl", 0)
                .set("parametersInCacheKeyAndForwardedToOrigin", obj("headersConfig", obj("headerBehavior", "none"),
                        "cookiesConfig", obj("cookieBehavior", "none"), "queryStringsConfig", obj("queryStringBehavior", "none"))));

        assertThat(stack.check(CloudFrontRules.uncachedPoliciesKeyOnNothing())).isEmpty();
    }

    @Test
    void aPolicyThatCachesNothingButKeysOnHeadersIsCaught() {
        stack.edit("ee-pages", r -> r.set("defaultTtl", 0).set("maxTtl", 0));

        assertThat(stack.check(CloudFrontRules.uncachedPoliciesKeyOnNothing()))
                .extracting(Violation::ruleId, Violation::resourceName, Violation::problem)
                .containsExactly(tuple("EE-CF-6", "ee-pages", "caches nothing but puts headersConfig.headerBehavior whitelist,"
                        + " cookiesConfig.cookieBehavior all, queryStringsConfig.queryStringBehavior all,"
                        + " enableAcceptEncodingGzip in its key"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"development", "staging"})
    void whereBasicAuthIsOnAPageKeyWithAuthorizationPasses(String environment) {
        assertThat(TestStack.compliant(environment).check(CloudFrontRules.authorizationReachesBasicAuth())).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"development", "staging"})
    void whereBasicAuthIsOnAPageKeyWithoutAuthorizationIsCaught(String environment) {
        TestStack basicAuth = TestStack.compliant(environment).edit("ee-pages", r -> r.set(
                "parametersInCacheKeyAndForwardedToOrigin.headersConfig.headers.items", list("Accept")));

        assertThat(basicAuth.check(CloudFrontRules.authorizationReachesBasicAuth()))
                .extracting(Violation::ruleId, Violation::problem)
                .containsExactly(tuple("EE-CF-7", "defaultCacheBehavior's cache policy ee-pages does not key on"
                        + " Authorization, so basic auth never reaches the app"));
    }

    @Test
    void forwardingAllViewerHeadersAlsoLetsAuthorizationThrough() {
        TestStack basicAuth = TestStack.compliant("staging")
                .edit("ee-pages", r -> r.set("parametersInCacheKeyAndForwardedToOrigin.headersConfig.headers.items", list()))
                .edit("ee-distribution", r -> r.set("defaultCacheBehavior.originRequestPolicyId",
                        CloudFrontRules.ALL_VIEWER_ORIGIN_REQUEST_POLICY));

        assertThat(basicAuth.check(CloudFrontRules.authorizationReachesBasicAuth())).isEmpty();
    }

    @Test
    void productionHasNoBasicAuthToForward() {
        stack.edit("ee-pages", r -> r.set("parametersInCacheKeyAndForwardedToOrigin.headersConfig.headers.items", list()));

        assertThat(stack.check(CloudFrontRules.authorizationReachesBasicAuth())).isEmpty();
    }

    @Test
    void anOriginToldTheSitesNameAndHttpsPasses() {
        assertThat(stack.check(CloudFrontRules.forwardedHostIsTheSite())).isEmpty();
    }

    @Test
    void anOriginWithoutForwardedHeadersIsCaught() {
        stack.edit("ee-distribution", r -> r.set("origins", list(obj("originId", "ee-alb", "domainName", "origin.ee.example",
                "customOriginConfig", obj("originProtocolPolicy", "https-only", "originSslProtocols", list("TLSv1.2"))))));

        assertThat(stack.check(CloudFrontRules.forwardedHostIsTheSite()))
                .extracting(Violation::ruleId, Violation::problem)
                .containsExactly(
                        tuple("EE-CF-8", "origin ee-alb gets X-Forwarded-Host (none), not one of the aliases [ee.example]"),
                        tuple("EE-CF-8", "origin ee-alb gets X-Forwarded-Proto (none)"));
    }

    @Test
    void aForwardedHostThatIsNotTheSiteIsCaught() {
        stack.edit("ee-distribution", r -> r.set("origins", list(obj("originId", "ee-alb", "domainName", "origin.ee.example",
                "customOriginConfig", obj("originProtocolPolicy", "https-only", "originSslProtocols", list("TLSv1.2")),
                "customHeaders", list(obj("name", "x-forwarded-host", "value", "origin.ee.example"),
                        obj("name", "X-Forwarded-Proto", "value", "https"))))));

        assertThat(stack.check(CloudFrontRules.forwardedHostIsTheSite()))
                .extracting(Violation::ruleId, Violation::problem)
                .containsExactly(tuple("EE-CF-8",
                        "origin ee-alb gets X-Forwarded-Host origin.ee.example, not one of the aliases [ee.example]"));
    }
}
