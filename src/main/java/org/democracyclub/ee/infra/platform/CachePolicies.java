package org.democracyclub.ee.infra.platform;

import com.pulumi.aws.cloudfront.CachePolicyArgs;
import com.pulumi.aws.cloudfront.inputs.CachePolicyParametersInCacheKeyAndForwardedToOriginArgs;
import com.pulumi.aws.cloudfront.inputs.CachePolicyParametersInCacheKeyAndForwardedToOriginCookiesConfigArgs;
import com.pulumi.aws.cloudfront.inputs.CachePolicyParametersInCacheKeyAndForwardedToOriginHeadersConfigArgs;
import com.pulumi.aws.cloudfront.inputs.CachePolicyParametersInCacheKeyAndForwardedToOriginHeadersConfigHeadersArgs;
import com.pulumi.aws.cloudfront.inputs.CachePolicyParametersInCacheKeyAndForwardedToOriginQueryStringsConfigArgs;
import java.time.Duration;
import java.util.List;

/**
 * The cache policies of the site's behaviours, as the application needs them (its old CDK stack,
 * {@code cdk_stacks/stacks/code_deploy.py} at EveryElection c42e0be7, had the same TTLs and keys).
 * Pure functions: the arguments of each policy, tested without a stack.
 */
final class CachePolicies {
    /**
     * Headers Django's pages vary on. They are in the cache key, so they reach the origin.
     * {@code Authorization} is among them: CloudFront strips it from origin requests unless it is
     * in the cache key (CloudFront developer guide, "Configuring CloudFront to forward the
     * Authorization header"), and development and staging answer 401 without it (the app's
     * BasicAuthMiddleware, on when DC_ENVIRONMENT is development or staging). Production keeps it
     * too: one cache key in every environment, so staging serves exactly what production does;
     * viewers without credentials still share one cache entry, and each set of credentials gets
     * its own, so no answer given to one user is served to another.
     */
    static final List<String> PAGE_HEADERS = List.of(
            "x-csrfmiddlewaretoken", "Accept", "Accept-Language", "Authorization", "Cache-Control", "Referer");

    /** AWS-managed cache policy Managed-CachingDisabled (CloudFront developer guide, managed cache policies). */
    static final String CACHING_DISABLED = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad";
    /**
     * AWS-managed origin request policy Managed-AllViewer: every viewer header (Authorization
     * included), cookie and query string reaches the origin (developer guide, managed origin
     * request policies). A cache policy cannot do this for an uncached path: one whose TTLs are
     * all 0 may put no headers, cookies or query strings in its key (CloudFront rejects it,
     * "HeaderBehavior is invalid for policy with caching disabled").
     */
    static final String ALL_VIEWER = "216adef6-5c7f-47e4-b989-5492eafa07d3";

    private CachePolicies() {
    }

    /** Pages: 10 minutes by default, up to 2 hours, varying on every cookie, query string and {@link #PAGE_HEADERS}. */
    static CachePolicyArgs pages() {
        return CachePolicyArgs.builder()
                .name("ee-pages")
                .comment("EveryElection pages: short cache, varies on cookies, query and the listed headers")
                .defaultTtl(seconds(Duration.ofMinutes(10)))
                .minTtl(0)
                .maxTtl(seconds(Duration.ofHours(2)))
                .parametersInCacheKeyAndForwardedToOrigin(key("all", PAGE_HEADERS, "all"))
                .build();
    }

    /**
     * Static files: hashed names served by WhiteNoise, cached 2000 days. WhiteNoise answers before
     * the basic-auth middleware (dc_django_utils inserts it right after SecurityMiddleware), so no
     * {@code Authorization} is needed here.
     */
    static CachePolicyArgs statics() {
        return CachePolicyArgs.builder()
                .name("ee-static")
                .comment("EveryElection static files: hashed names, cached for 2000 days")
                .defaultTtl(seconds(Duration.ofDays(2000)))
                .minTtl(seconds(Duration.ofMinutes(1)))
                .maxTtl(seconds(Duration.ofDays(2000)))
                .parametersInCacheKeyAndForwardedToOrigin(key("none", List.of(), "none"))
                .build();
    }

    /**
     * The public API: 60 s by default, up to a day, varying on every query string and no
     * cookie. Basic auth never applies to {@code /api/*} (the app's BASIC_AUTH_ALLOWLIST).
     */
    static CachePolicyArgs api() {
        return CachePolicyArgs.builder()
                .name("ee-api")
                .comment("EveryElection API: 60 s cache, varies on the query string only")
                .defaultTtl(seconds(Duration.ofSeconds(60)))
                .minTtl(0)
                .maxTtl(seconds(Duration.ofDays(1)))
                .parametersInCacheKeyAndForwardedToOrigin(key("none", List.of(), "all"))
                .build();
    }

    private static CachePolicyParametersInCacheKeyAndForwardedToOriginArgs key(
            String cookies, List<String> headers, String queryStrings) {
        var headerConfig = CachePolicyParametersInCacheKeyAndForwardedToOriginHeadersConfigArgs.builder()
                .headerBehavior(headers.isEmpty() ? "none" : "whitelist");
        if (!headers.isEmpty()) {
            headerConfig.headers(CachePolicyParametersInCacheKeyAndForwardedToOriginHeadersConfigHeadersArgs.builder()
                    .items(headers).build());
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
}
