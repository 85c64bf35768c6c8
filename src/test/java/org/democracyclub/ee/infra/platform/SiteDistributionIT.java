package org.democracyclub.ee.infra.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.core.Output;
import java.util.List;
import java.util.Map;
import org.democracyclub.ee.infra.policy.DeclaredResource;
import org.democracyclub.ee.infra.preview.OfflineRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link SiteDistribution} declared alone with its args (the load balancer and certificate as plain values). */
class SiteDistributionIT {
    private static final String DISTRIBUTION = "aws:cloudfront/distribution:Distribution";
    private static final String RECORD = "aws:route53/record:Record";
    private static final String FQDN = "test.example.org";
    private static final String ZONE = "ZTEST";
    private static final String CERTIFICATE = "arn:aws:acm:us-east-1:123456789012:certificate/viewer-test";
    private static OfflineRun run;

    @BeforeAll
    static void declare() {
        run = Alone.declare(options -> new SiteDistribution("cdn", new SiteDistribution.Args("staging", FQDN, ZONE,
                Output.of("lb-test.elb.amazonaws.com"), Output.of("ZLBTEST"), Output.of(CERTIFICATE), "secret-test",
                List.of()), options));
    }

    private static DeclaredResource distribution() {
        return run.get(DISTRIBUTION, "cdn");
    }

    @Test
    void theDistributionServesTheSiteWithTheGivenCertificate() {
        assertThat(distribution().at("aliases")).isEqualTo(List.of(FQDN));
        assertThat(distribution().at("viewerCertificate.acmCertificateArn")).isEqualTo(CERTIFICATE);
        assertThat(distribution().at("comment")).isEqualTo("EveryElection staging");
    }

    @Test
    void theOriginIsTheOriginHostOverHttpsOnly() {
        assertThat(distribution().at("origins.0.domainName")).isEqualTo("origin." + FQDN);
        assertThat(distribution().at("origins.0.customOriginConfig.originProtocolPolicy")).isEqualTo("https-only");
    }

    @Test
    void everyOriginRequestCarriesTheSecretAndTheForwardedHostAndProto() {
        assertThat(distribution().objects("origins.0.customHeaders")).containsExactly(
                Map.of("name", Application.ORIGIN_VERIFY_HEADER, "value", "secret-test"),
                Map.of("name", "X-Forwarded-Host", "value", FQDN),
                Map.of("name", "X-Forwarded-Proto", "value", "https"));
    }

    @Test
    void pathBehavioursAreEvaluatedStaticThenApiThenIdCreator() {
        assertThat(distribution().objects("orderedCacheBehaviors")).extracting(b -> b.get("pathPattern"))
                .containsExactly("/static/*", "/api/*", "/id_creator/*");
    }

    @Test
    void theOriginHostAliasesTheGivenLoadBalancer() {
        DeclaredResource origin = run.get(RECORD, "cdn-origin");
        assertThat(origin.at("name")).isEqualTo("origin." + FQDN);
        assertThat(origin.at("aliases.0.name")).isEqualTo("lb-test.elb.amazonaws.com");
        assertThat(origin.at("aliases.0.zoneId")).isEqualTo("ZLBTEST");
    }

    @Test
    void theSiteHasIpv4AndIpv6AliasesToTheDistributionInTheGivenZone() {
        assertThat(List.of(run.get(RECORD, "cdn-a"), run.get(RECORD, "cdn-aaaa"))).allSatisfy(record -> {
            assertThat(record.at("zoneId")).isEqualTo(ZONE);
            assertThat(record.at("name")).isEqualTo(FQDN);
        });
        assertThat(run.get(RECORD, "cdn-aaaa").at("type")).isEqualTo("AAAA");
    }

    @Test
    void everyChildIsParentedToTheComponent() {
        assertThat(run.resources()).filteredOn(r -> !r.isComponent() && !r.type().startsWith("pulumi:providers:"))
                .hasSize(7).allSatisfy(r -> assertThat(r.parentType()).isEqualTo(SiteDistribution.TYPE));
    }
}
