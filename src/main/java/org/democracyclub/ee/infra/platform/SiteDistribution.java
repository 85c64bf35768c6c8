package org.democracyclub.ee.infra.platform;

import com.pulumi.aws.cloudfront.CachePolicy;
import com.pulumi.aws.cloudfront.CachePolicyArgs;
import com.pulumi.aws.cloudfront.Distribution;
import com.pulumi.aws.cloudfront.DistributionArgs;
import com.pulumi.aws.cloudfront.inputs.CachePolicyParametersInCacheKeyAndForwardedToOriginArgs;
import com.pulumi.aws.cloudfront.inputs.CachePolicyParametersInCacheKeyAndForwardedToOriginCookiesConfigArgs;
import com.pulumi.aws.cloudfront.inputs.CachePolicyParametersInCacheKeyAndForwardedToOriginHeadersConfigArgs;
import com.pulumi.aws.cloudfront.inputs.CachePolicyParametersInCacheKeyAndForwardedToOriginHeadersConfigHeadersArgs;
import com.pulumi.aws.cloudfront.inputs.CachePolicyParametersInCacheKeyAndForwardedToOriginQueryStringsConfigArgs;
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
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.democracyclub.ee.infra.names.Names;
import org.democracyclub.ee.infra.settings.StackSettings;

/**
 * The CloudFront distribution in front of the load balancer, its two cache policies, and the
 * site's DNS records. CloudFront adds the secret origin header; the load balancer forwards
 * nothing without it.
 */
public final class SiteDistribution extends ComponentResource {
    static final String ORIGIN_ID = Names.LOAD_BALANCER;
    static final String STATIC_PATH = "/static/*";
    static final String MINIMUM_TLS = "TLSv1.2_2021";
    /** Headers Django's pages vary on; they are in the cache key and reach the origin. */
    static final List<String> CACHE_KEY_HEADERS =
            List.of("x-csrfmiddlewaretoken", "Accept", "Accept-Language", "Cache-Control", "Referer");
    static final List<String> ALL_METHODS = List.of("GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE");
    static final List<String> CACHED_METHODS = List.of("GET", "HEAD");

    private final Distribution distribution;

    public SiteDistribution(String name, StackSettings settings, SiteFacts facts, LoadBalancing loadBalancing,
                            ComponentResourceOptions options) {
        super("ee:platform:SiteDistribution", name, options);
        var child = CustomResourceOptions.builder().parent(this).build();

        var pages = new CachePolicy(name + "-pages", CachePolicyArgs.builder()
                .name("ee-pages")
                .comment("EveryElection pages: short cache, varies on cookies, query and the listed headers")
                .defaultTtl(seconds(Duration.ofMinutes(10)))
                .minTtl(0)
                .maxTtl(seconds(Duration.ofMinutes(120)))
                .parametersInCacheKeyAndForwardedToOrigin(cacheKey("all", "whitelist", "all"))
                .build(), child);
        var statics = new CachePolicy(name + "-static", CachePolicyArgs.builder()
                .name("ee-static")
                .comment("EveryElection static files: hashed names, cached for 2000 days")
                .defaultTtl(seconds(Duration.ofDays(2000)))
                .minTtl(seconds(Duration.ofMinutes(1)))
                .maxTtl(seconds(Duration.ofDays(2000)))
                .parametersInCacheKeyAndForwardedToOrigin(cacheKey("none", "none", "none"))
                .build(), child);

        distribution = new Distribution(name, DistributionArgs.builder()
                .comment("EveryElection " + settings.environment().stackName())
                .enabled(true)
                .aliases(facts.fqdn())
                .priceClass("PriceClass_100")
                .httpVersion("http2and3")
                .isIpv6Enabled(true)
                .viewerCertificate(DistributionViewerCertificateArgs.builder()
                        .acmCertificateArn(facts.certificateArn())
                        .sslSupportMethod("sni-only")
                        .minimumProtocolVersion(MINIMUM_TLS)
                        .build())
                .restrictions(DistributionRestrictionsArgs.builder()
                        .geoRestriction(DistributionRestrictionsGeoRestrictionArgs.builder()
                                .restrictionType("none").build())
                        .build())
                .origins(DistributionOriginArgs.builder()
                        .originId(ORIGIN_ID)
                        .domainName(loadBalancing.dnsName())
                        .customOriginConfig(DistributionOriginCustomOriginConfigArgs.builder()
                                .originProtocolPolicy("http-only")
                                .httpPort(SecurityGroups.ORIGIN_PORT)
                                .httpsPort(443)
                                .originSslProtocols("TLSv1.2")
                                .build())
                        .customHeaders(DistributionOriginCustomHeaderArgs.builder()
                                .name(Application.ORIGIN_VERIFY_HEADER)
                                .value(Output.ofSecret(settings.originVerifySecret().value()))
                                .build())
                        .build())
                .defaultCacheBehavior(DistributionDefaultCacheBehaviorArgs.builder()
                        .targetOriginId(ORIGIN_ID)
                        .viewerProtocolPolicy("redirect-to-https")
                        .allowedMethods(ALL_METHODS)
                        .cachedMethods(CACHED_METHODS)
                        .cachePolicyId(pages.id())
                        .compress(true)
                        .build())
                .orderedCacheBehaviors(DistributionOrderedCacheBehaviorArgs.builder()
                        .pathPattern(STATIC_PATH)
                        .targetOriginId(ORIGIN_ID)
                        .viewerProtocolPolicy("redirect-to-https")
                        .allowedMethods(CACHED_METHODS)
                        .cachedMethods(CACHED_METHODS)
                        .cachePolicyId(statics.id())
                        .compress(true)
                        .build())
                .build(), child);

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

    private static CachePolicyParametersInCacheKeyAndForwardedToOriginArgs cacheKey(
            String cookies, String headers, String queryStrings) {
        var headerConfig = CachePolicyParametersInCacheKeyAndForwardedToOriginHeadersConfigArgs.builder()
                .headerBehavior(headers);
        if (headers.equals("whitelist")) {
            headerConfig.headers(CachePolicyParametersInCacheKeyAndForwardedToOriginHeadersConfigHeadersArgs.builder()
                    .items(CACHE_KEY_HEADERS).build());
        }
        return CachePolicyParametersInCacheKeyAndForwardedToOriginArgs.builder()
                .enableAcceptEncodingBrotli(true)
                .enableAcceptEncodingGzip(true)
                .cookiesConfig(CachePolicyParametersInCacheKeyAndForwardedToOriginCookiesConfigArgs.builder()
                        .cookieBehavior(cookies).build())
                .headersConfig(headerConfig.build())
                .queryStringsConfig(CachePolicyParametersInCacheKeyAndForwardedToOriginQueryStringsConfigArgs.builder()
                        .queryStringBehavior(queryStrings).build())
                .build();
    }

    private static int seconds(Duration duration) {
        return Math.toIntExact(duration.toSeconds());
    }

    public Output<String> domainName() {
        return distribution.domainName();
    }
}
