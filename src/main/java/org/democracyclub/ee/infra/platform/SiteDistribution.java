package org.democracyclub.ee.infra.platform;

import com.pulumi.aws.cloudfront.CachePolicy;
import com.pulumi.aws.cloudfront.Distribution;
import com.pulumi.aws.cloudfront.DistributionArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionDefaultCacheBehaviorArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionOrderedCacheBehaviorArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionOriginArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionOriginCustomHeaderArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionOriginCustomOriginConfigArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionRestrictionsArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionRestrictionsGeoRestrictionArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionViewerCertificateArgs;
import com.pulumi.aws.route53.Record;
import com.pulumi.aws.route53.RecordArgs;
import com.pulumi.aws.route53.inputs.RecordAliasArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.democracyclub.ee.infra.names.Names;
import org.democracyclub.ee.infra.settings.StackSettings;

/**
 * The CloudFront distribution in front of the load balancer, its cache policies, and the site's
 * DNS records. CloudFront reaches the load balancer over HTTPS at {@code origin.<FQDN>} and adds
 * three headers to every origin request: the secret the load balancer forwards on, and the
 * {@code X-Forwarded-Host}/{@code X-Forwarded-Proto} Django needs behind a proxy (CloudFront
 * sends the origin's name as {@code Host}; the app has USE_X_FORWARDED_HOST and ALLOWED_HOSTS =
 * FQDN). Neither is on CloudFront's list of headers it cannot add, and CloudFront overwrites a
 * viewer's own value of a custom header (developer guide, "Adding custom headers to origin
 * requests"), so a viewer cannot choose them.
 */
public final class SiteDistribution extends ComponentResource {
    static final String ORIGIN_ID = Names.LOAD_BALANCER;
    static final String STATIC_PATH = "/static/*";
    static final String API_PATH = "/api/*";
    static final String ID_CREATOR_PATH = "/id_creator/*";
    static final String MINIMUM_TLS = "TLSv1.2_2021";
    static final String FORWARDED_HOST_HEADER = "X-Forwarded-Host";
    static final String FORWARDED_PROTO_HEADER = "X-Forwarded-Proto";
    static final List<String> ALL_METHODS = List.of("GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE");
    static final List<String> CACHED_METHODS = List.of("GET", "HEAD");
    /** CloudFront's HTTPS to the origin: TLS 1.2 only, which the listener's policy also offers. */
    static final List<String> ORIGIN_TLS = List.of("TLSv1.2");
    static final int HTTP_PORT = 80;

    private final Distribution distribution;

    public SiteDistribution(String name, StackSettings settings, SiteFacts facts, LoadBalancing loadBalancing,
                            SiteCertificates certificates, ComponentResourceOptions options) {
        super("ee:platform:SiteDistribution", name, options);
        var child = CustomResourceOptions.builder().parent(this).build();

        var pages = new CachePolicy(name + "-pages", CachePolicies.pages(), child);
        var statics = new CachePolicy(name + "-static", CachePolicies.statics(), child);
        var api = new CachePolicy(name + "-api", CachePolicies.api(), child);

        String originHost = SiteCertificates.originHost(facts.fqdn());
        // The load balancer serves only IPv4 (its default address type), so the origin name has an A record only.
        var origin = new Record(name + "-origin", RecordArgs.builder()
                .zoneId(facts.hostedZoneId())
                .name(originHost)
                .type("A")
                .aliases(RecordAliasArgs.builder()
                        .name(loadBalancing.dnsName())
                        .zoneId(loadBalancing.zoneId())
                        .evaluateTargetHealth(false)
                        .build())
                .build(), child);

        distribution = new Distribution(name, DistributionArgs.builder()
                .comment("EveryElection " + settings.environment().stackName())
                .enabled(true)
                .aliases(facts.fqdn())
                .priceClass("PriceClass_100")
                .httpVersion("http2and3")
                .isIpv6Enabled(true)
                .viewerCertificate(DistributionViewerCertificateArgs.builder()
                        .acmCertificateArn(certificates.viewerCertificateArn())
                        .sslSupportMethod("sni-only")
                        .minimumProtocolVersion(MINIMUM_TLS)
                        .build())
                .restrictions(DistributionRestrictionsArgs.builder()
                        .geoRestriction(DistributionRestrictionsGeoRestrictionArgs.builder()
                                .restrictionType("none").build())
                        .build())
                .origins(DistributionOriginArgs.builder()
                        .originId(ORIGIN_ID)
                        .domainName(originHost)
                        .customOriginConfig(DistributionOriginCustomOriginConfigArgs.builder()
                                .originProtocolPolicy("https-only")
                                .httpPort(HTTP_PORT)
                                .httpsPort(SecurityGroups.ORIGIN_PORT)
                                .originSslProtocols(ORIGIN_TLS)
                                .build())
                        .customHeaders(
                                DistributionOriginCustomHeaderArgs.builder()
                                        .name(Application.ORIGIN_VERIFY_HEADER)
                                        .value(Output.ofSecret(settings.originVerifySecret().value()))
                                        .build(),
                                DistributionOriginCustomHeaderArgs.builder()
                                        .name(FORWARDED_HOST_HEADER).value(facts.fqdn()).build(),
                                DistributionOriginCustomHeaderArgs.builder()
                                        .name(FORWARDED_PROTO_HEADER).value("https").build())
                        .build())
                .defaultCacheBehavior(DistributionDefaultCacheBehaviorArgs.builder()
                        .targetOriginId(ORIGIN_ID)
                        .viewerProtocolPolicy("redirect-to-https")
                        .allowedMethods(ALL_METHODS)
                        .cachedMethods(CACHED_METHODS)
                        .cachePolicyId(pages.id())
                        .compress(true)
                        .build())
                // Evaluated in this order; the default behaviour takes everything else.
                .orderedCacheBehaviors(
                        behaviour(STATIC_PATH, CACHED_METHODS).cachePolicyId(statics.id()).build(),
                        behaviour(API_PATH, CACHED_METHODS).cachePolicyId(api.id()).build(),
                        behaviour(ID_CREATOR_PATH, ALL_METHODS)
                                .cachePolicyId(CachePolicies.CACHING_DISABLED)
                                .originRequestPolicyId(CachePolicies.ALL_VIEWER)
                                .build())
                .build(), CustomResourceOptions.builder().parent(this)
                        // Switch CloudFront to the HTTPS origin only once it answers, and send a new
                        // origin secret only once the listener rule accepts it (no 403 window).
                        .dependsOn(loadBalancing.httpsListener(), loadBalancing.originSecretRule(), origin)
                        .build());

        for (String type : List.of("A", "AAAA")) {
            new Record(name + "-" + type.toLowerCase(Locale.ROOT), RecordArgs.builder()
                    .zoneId(facts.hostedZoneId())
                    .name(facts.fqdn())
                    .type(type)
                    .aliases(RecordAliasArgs.builder()
                            .name(distribution.domainName())
                            .zoneId(distribution.hostedZoneId())
                            .evaluateTargetHealth(false)
                            .build())
                    .build(), child);
        }
        registerOutputs(Map.of("domainName", distribution.domainName()));
    }

    private static DistributionOrderedCacheBehaviorArgs.Builder behaviour(String path, List<String> methods) {
        return DistributionOrderedCacheBehaviorArgs.builder()
                .pathPattern(path)
                .targetOriginId(ORIGIN_ID)
                .viewerProtocolPolicy("redirect-to-https")
                .allowedMethods(methods)
                .cachedMethods(CACHED_METHODS)
                .compress(true);
    }

    public Output<String> domainName() {
        return distribution.domainName();
    }
}
