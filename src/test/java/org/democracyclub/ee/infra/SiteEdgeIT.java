package org.democracyclub.ee.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.democracyclub.ee.infra.policy.DeclaredResource;
import org.democracyclub.ee.infra.preview.Fixture;
import org.democracyclub.ee.infra.preview.OfflineRun;
import org.democracyclub.ee.infra.program.Stacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The edge of each stack, under the mock engine from the real stack files: what CloudFront sends
 * Django, which paths it caches how, the HTTPS origin and the certificates the program requests
 * and validates itself.
 */
class SiteEdgeIT {
    private static final String DISTRIBUTION = "aws:cloudfront/distribution:Distribution";
    private static final String CACHE_POLICY = "aws:cloudfront/cachePolicy:CachePolicy";
    private static final String CERTIFICATE = "aws:acm/certificate:Certificate";
    private static final String VALIDATION = "aws:acm/certificateValidation:CertificateValidation";
    private static final String RECORD = "aws:route53/record:Record";
    private static final String LISTENER = "aws:lb/listener:Listener";
    private static final String FQDN = "elections.example.org.uk";
    private static final String ORIGIN_HOST = "origin." + FQDN;
    private static final String OVERRIDE = "arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d";

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> objects(Object value) {
        return (List<Map<String, Object>>) value;
    }

    private static Map<String, Object> behaviour(DeclaredResource cdn, String path) {
        return objects(cdn.at("orderedCacheBehaviors")).stream().filter(b -> path.equals(b.get("pathPattern")))
                .findFirst().orElseThrow(() -> new AssertionError("no behaviour for " + path));
    }

    @ParameterizedTest
    @ValueSource(strings = {"development", "staging", "production"})
    void everyOriginRequestCarriesTheSecretAndTheForwardedHostAndProtoDjangoNeeds(String stack) {
        DeclaredResource cdn = Stacks.run(stack).get(DISTRIBUTION, "ee-cdn");
        assertThat(objects(cdn.at("origins.0.customHeaders"))).extracting(h -> h.get("name"), h -> h.get("value"))
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("X-Origin-Verify", Stacks.settings(stack).originVerifySecret().value()),
                        org.assertj.core.groups.Tuple.tuple("X-Forwarded-Host", FQDN),
                        org.assertj.core.groups.Tuple.tuple("X-Forwarded-Proto", "https"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"development", "staging", "production"})
    void theBehavioursTheAppReliesOnComeInOrderWithTheirPolicies(String stack) {
        DeclaredResource cdn = Stacks.run(stack).get(DISTRIBUTION, "ee-cdn");
        assertThat(objects(cdn.at("orderedCacheBehaviors"))).extracting(b -> b.get("pathPattern"))
                .containsExactly("/static/*", "/api/*", "/id_creator/*");
        assertThat(cdn.at("defaultCacheBehavior.cachePolicyId")).isEqualTo("ee-cdn-pages-id");
        assertThat(behaviour(cdn, "/static/*")).containsEntry("cachePolicyId", "ee-cdn-static-id")
                .containsEntry("allowedMethods", List.of("GET", "HEAD")).doesNotContainKey("originRequestPolicyId");
        assertThat(behaviour(cdn, "/api/*")).containsEntry("cachePolicyId", "ee-cdn-api-id")
                .containsEntry("allowedMethods", List.of("GET", "HEAD")).doesNotContainKey("originRequestPolicyId");
        // Not cached, everything the viewer sent reaches Django, every method: the managed policies.
        assertThat(behaviour(cdn, "/id_creator/*"))
                .containsEntry("cachePolicyId", "4135ea2d-6df8-44a3-9df3-4b5a84be39ad")
                .containsEntry("originRequestPolicyId", "216adef6-5c7f-47e4-b989-5492eafa07d3")
                .containsEntry("allowedMethods", List.of("GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE"));
        assertThat(objects(cdn.at("orderedCacheBehaviors")))
                .allSatisfy(b -> assertThat(b).containsEntry("viewerProtocolPolicy", "redirect-to-https")
                        .containsEntry("targetOriginId", "ee-alb").containsEntry("compress", true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"development", "staging"})
    @SuppressWarnings("unchecked")
    void whereBasicAuthIsOnAuthorizationIsInThePageKeySoItReachesDjango(String stack) {
        DeclaredResource pages = Stacks.run(stack).get(CACHE_POLICY, "ee-cdn-pages");
        assertThat(pages.at("parametersInCacheKeyAndForwardedToOrigin.headersConfig.headerBehavior")).isEqualTo("whitelist");
        assertThat((List<Object>) pages.at("parametersInCacheKeyAndForwardedToOrigin.headersConfig.headers.items"))
                .contains("Authorization");
    }

    @Test
    void productionKeysPagesOnAuthorizationTooSoStagingServesWhatProductionDoes() {
        var staging = Stacks.run("staging").get(CACHE_POLICY, "ee-cdn-pages").inputs();
        var production = Stacks.run("production").get(CACHE_POLICY, "ee-cdn-pages").inputs();
        assertThat(production).isEqualTo(staging);
    }

    @ParameterizedTest
    @ValueSource(strings = {"development", "staging", "production"})
    void theApiIsCachedSixtySecondsUpToADayOnItsQueryStringAndNoCookie(String stack) {
        DeclaredResource api = Stacks.run(stack).get(CACHE_POLICY, "ee-cdn-api");
        assertThat(List.of(api.at("defaultTtl"), api.at("minTtl"), api.at("maxTtl"))).containsExactly(60.0, 0.0, 86400.0);
        assertThat(api.at("parametersInCacheKeyAndForwardedToOrigin.queryStringsConfig.queryStringBehavior")).isEqualTo("all");
        assertThat(api.at("parametersInCacheKeyAndForwardedToOrigin.cookiesConfig.cookieBehavior")).isEqualTo("none");
        assertThat(api.at("parametersInCacheKeyAndForwardedToOrigin.headersConfig.headerBehavior")).isEqualTo("none");
    }

    @ParameterizedTest
    @ValueSource(strings = {"development", "staging", "production"})
    void cloudFrontReachesTheLoadBalancerOverHttpsAtTheOriginHostName(String stack) {
        OfflineRun run = Stacks.run(stack);
        DeclaredResource cdn = run.get(DISTRIBUTION, "ee-cdn");
        assertThat(cdn.at("origins.0.domainName")).isEqualTo(ORIGIN_HOST);
        assertThat(cdn.at("origins.0.customOriginConfig.originProtocolPolicy")).isEqualTo("https-only");
        assertThat(cdn.at("origins.0.customOriginConfig.httpsPort")).isEqualTo(443.0);
        assertThat(cdn.at("origins.0.customOriginConfig.originSslProtocols")).isEqualTo(List.of("TLSv1.2"));
        DeclaredResource origin = run.get(RECORD, "ee-cdn-origin");
        DeclaredResource alb = run.get("aws:lb/loadBalancer:LoadBalancer", "ee-alb");
        assertThat(origin.at("name")).isEqualTo(ORIGIN_HOST);
        assertThat(origin.at("type")).isEqualTo("A");
        assertThat(origin.at("aliases.0.name")).isEqualTo(run.computedFor(alb).get("dnsName"));
        assertThat(origin.at("aliases.0.zoneId")).isEqualTo(run.computedFor(alb).get("zoneId"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"development", "staging", "production"})
    void theHttpsListenerServesTheValidatedOriginCertificateWithAModernPolicy(String stack) {
        OfflineRun run = Stacks.run(stack);
        DeclaredResource certificate = run.get(CERTIFICATE, "ee-certificates-origin");
        assertThat(certificate.at("domainName")).isEqualTo(ORIGIN_HOST);
        assertThat(certificate.at("subjectAlternativeNames")).isEqualTo(List.of(FQDN));
        assertThat(certificate.at("validationMethod")).isEqualTo("DNS");
        assertThat((String) run.computedFor(certificate).get("arn")).startsWith("arn:aws:acm:eu-west-2:123456789012:");
        DeclaredResource validation = run.get(VALIDATION, "ee-certificates-origin");
        assertThat(validation.at("certificateArn")).isEqualTo(run.computedFor(certificate).get("arn"));
        DeclaredResource https = run.get(LISTENER, "ee-lb-https");
        assertThat(https.at("protocol")).isEqualTo("HTTPS");
        assertThat(https.at("port")).isEqualTo(443.0);
        assertThat(https.at("sslPolicy")).isEqualTo("ELBSecurityPolicy-TLS13-1-2-2021-06");
        assertThat(https.at("certificateArn")).isEqualTo(run.computedFor(certificate).get("arn"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"development", "staging", "production"})
    void eachNameHasOneValidationRecordAsAcmAsksAndBothValidationsWaitForThem(String stack) {
        OfflineRun run = Stacks.run(stack);
        DeclaredResource regional = run.get(CERTIFICATE, "ee-certificates-origin");
        Map<Object, Map<String, Object>> options = new java.util.HashMap<>();
        objects(run.computedFor(regional).get("domainValidationOptions")).forEach(o -> options.put(o.get("domainName"), o));
        assertThat(options).containsOnlyKeys(ORIGIN_HOST, FQDN);
        Map<String, String> recordOf = Map.of(ORIGIN_HOST, "ee-certificates-validation-origin",
                FQDN, "ee-certificates-validation-site");
        recordOf.forEach((domain, recordName) -> {
            DeclaredResource record = run.get(RECORD, recordName);
            assertThat(record.at("name")).isEqualTo(options.get(domain).get("resourceRecordName"));
            assertThat(record.at("type")).isEqualTo("CNAME");
            assertThat(record.at("records")).isEqualTo(List.of(options.get(domain).get("resourceRecordValue")));
            assertThat(record.at("zoneId")).isEqualTo("Z0123456789ABCDEFGHIJ");
        });
        assertThat(run.ofType(RECORD)).filteredOn(r -> r.name().contains("validation")).hasSize(2);
        assertThat(run.get(VALIDATION, "ee-certificates-origin").at("validationRecordFqdns")).isEqualTo(List.of(
                options.get(ORIGIN_HOST).get("resourceRecordName"), options.get(FQDN).get("resourceRecordName")));
        // The viewer certificate asks for the same record for the site's name, and waits for it.
        DeclaredResource viewer = run.get(CERTIFICATE, "ee-certificates-viewer");
        assertThat(objects(run.computedFor(viewer).get("domainValidationOptions"))).containsExactly(options.get(FQDN));
        assertThat(run.get(VALIDATION, "ee-certificates-viewer").at("validationRecordFqdns"))
                .isEqualTo(List.of(options.get(FQDN).get("resourceRecordName")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"development", "staging", "production"})
    void theViewerCertificateIsRequestedInUsEast1AndCloudFrontServesItOnceValidated(String stack) {
        OfflineRun run = Stacks.run(stack);
        DeclaredResource viewer = run.get(CERTIFICATE, "ee-certificates-viewer");
        assertThat(viewer.at("domainName")).isEqualTo(FQDN);
        assertThat(viewer.provider()).contains("::aws-" + stack + "-us-east-1::");
        String arn = (String) run.computedFor(viewer).get("arn");
        assertThat(arn).startsWith("arn:aws:acm:us-east-1:123456789012:certificate/");
        assertThat(run.get(VALIDATION, "ee-certificates-viewer").provider()).contains("::aws-" + stack + "-us-east-1::");
        assertThat(run.get(DISTRIBUTION, "ee-cdn").at("viewerCertificate.acmCertificateArn")).isEqualTo(arn);
        DeclaredResource usEast1 = run.get("pulumi:providers:aws", "aws-" + stack + "-us-east-1");
        assertThat(usEast1.at("region")).isEqualTo("us-east-1");
        assertThat(usEast1.at("defaultTags")).isEqualTo(run.get("pulumi:providers:aws", "aws-" + stack).at("defaultTags"));
    }

    @Test
    void anAccountWithACertificateInSsmKeepsItAndRequestsNone() {
        OfflineRun run = Stacks.run("production", Fixture.builtIn().withParameter("SSL_CERTIFICATE_ARN", OVERRIDE));
        assertThat(run.get(DISTRIBUTION, "ee-cdn").at("viewerCertificate.acmCertificateArn")).isEqualTo(OVERRIDE);
        assertThat(run.ofType(CERTIFICATE)).extracting(DeclaredResource::name).containsExactly("ee-certificates-origin");
        assertThat(run.ofType(VALIDATION)).extracting(DeclaredResource::name).containsExactly("ee-certificates-origin");
    }

    @ParameterizedTest
    @ValueSource(strings = {"development", "staging", "production"})
    void portEightyOnlyRedirectsToHttps(String stack) {
        DeclaredResource http = Stacks.run(stack).get(LISTENER, "ee-lb-http");
        assertThat(http.at("port")).isEqualTo(80.0);
        assertThat(http.at("defaultActions.0.type")).isEqualTo("redirect");
        assertThat(http.at("defaultActions.0.redirect")).isEqualTo(
                Map.of("protocol", "HTTPS", "port", "443", "statusCode", "HTTP_301"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"development", "staging", "production"})
    void theLoadBalancersGroupIsNamedFromAPrefixSoAReplacementCannotClash(String stack) {
        DeclaredResource group = Stacks.run(stack).get("aws:ec2/securityGroup:SecurityGroup", "ee-alb-sg");
        assertThat(group.at("namePrefix")).isEqualTo("ee-alb-sg-");
        assertThat(group.inputs()).doesNotContainKey("name");
    }
}
