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
import com.pulumi.resources.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.democracyclub.ee.infra.names.Names;

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
    /** The origin's ID within the distribution, which each cache behaviour names; after the load balancer it is. */
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

    public static final String TYPE = "ee:platform:SiteDistribution";

    private final Distribution distribution;

    /**
     * Inputs of {@link SiteDistribution}; the AWS provider comes in the component's options.
     *
     * @param environment          the stack's name ({@code production}), in the distribution's comment
     * @param fqdn                 the site's domain name (SSM {@code FQDN}): the alias, the forwarded
     *                             host, and (as {@code origin.<fqdn>}) the origin
     * @param hostedZoneId         the public hosted zone of {@code fqdn}, where the records go
     * @param loadBalancerDnsName  the load balancer's DNS name ({@link LoadBalancing#dnsName}), the
     *                             origin record's alias
     * @param loadBalancerZoneId   the load balancer's Route 53 zone ({@link LoadBalancing#zoneId})
     * @param viewerCertificateArn the us-east-1 certificate viewers see
     *                             ({@link SiteCertificates#viewerCertificateArn})
     * @param originSecret         the origin header value CloudFront sends (a Pulumi secret)
     * @param originReady          what must exist before CloudFront uses the origin: the HTTPS
     *                             listener and the rule accepting {@code originSecret}
     *                             ({@link LoadBalancing#httpsListener}, {@link LoadBalancing#originSecretRule})
     */
    public record Args(String environment, String fqdn, String hostedZoneId, Output<String> loadBalancerDnsName,
                       Output<String> loadBalancerZoneId, Output<String> viewerCertificateArn, String originSecret,
                       List<Resource> originReady) {
        public Args {
            Objects.requireNonNull(environment, "environment");
            Objects.requireNonNull(fqdn, "fqdn");
            Objects.requireNonNull(hostedZoneId, "hostedZoneId");
            Objects.requireNonNull(loadBalancerDnsName, "loadBalancerDnsName");
            Objects.requireNonNull(loadBalancerZoneId, "loadBalancerZoneId");
            Objects.requireNonNull(viewerCertificateArn, "viewerCertificateArn");
            Objects.requireNonNull(originSecret, "originSecret");
            originReady = List.copyOf(originReady);
        }
    }

    public SiteDistribution(String name, Args args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var child = CustomResourceOptions.builder().parent(this).build();
        String fqdn = args.fqdn();

        var pages = new CachePolicy(name + "-pages", CachePolicies.pages(), child);
        var statics = new CachePolicy(name + "-static", CachePolicies.statics(), child);
        var api = new CachePolicy(name + "-api", CachePolicies.api(), child);

        String originHost = SiteCertificates.originHost(fqdn);
        // The load balancer serves only IPv4 (its default address type), so the origin name has an A record only.
        var origin = new Record(name + "-origin", RecordArgs.builder()
                .zoneId(args.hostedZoneId())
                .name(originHost)
                .type("A")
                .aliases(RecordAliasArgs.builder()
                        .name(args.loadBalancerDnsName())
                        .zoneId(args.loadBalancerZoneId())
                        .evaluateTargetHealth(false)
                        .build())
                .build(), child);

        distribution = new Distribution(name, DistributionArgs.builder()
                .comment("EveryElection " + args.environment())
                .enabled(true)
                .aliases(fqdn)
                .priceClass("PriceClass_100")
                .httpVersion("http2and3")
                .isIpv6Enabled(true)
                .viewerCertificate(DistributionViewerCertificateArgs.builder()
                        .acmCertificateArn(args.viewerCertificateArn())
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
                                        .value(Output.ofSecret(args.originSecret()))
                                        .build(),
                                DistributionOriginCustomHeaderArgs.builder()
                                        .name(FORWARDED_HOST_HEADER).value(fqdn).build(),
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
                        .dependsOn(dependencies(args.originReady(), origin))
                        .build());

        for (String type : List.of("A", "AAAA")) {
            new Record(name + "-" + type.toLowerCase(Locale.ROOT), RecordArgs.builder()
                    .zoneId(args.hostedZoneId())
                    .name(fqdn)
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

    private static List<Resource> dependencies(List<Resource> originReady, Record origin) {
        List<Resource> all = new ArrayList<>(originReady);
        all.add(origin);
        return all;
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
