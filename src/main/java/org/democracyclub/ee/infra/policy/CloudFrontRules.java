package org.democracyclub.ee.infra.policy;

import static org.democracyclub.ee.infra.policy.BaseRule.perResource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Rules on the CloudFront distribution: HTTPS for viewers and origins, a modern TLS policy, compression, legal cache policies. */
public final class CloudFrontRules {
    private static final Set<String> DISTRIBUTIONS = Set.of(Types.DISTRIBUTION);
    private static final Set<String> HTTPS_POLICIES = Set.of("redirect-to-https", "https-only");
    /** CloudFront security policies at least as strict as TLSv1.2_2021 (newest last). */
    static final Set<String> MODERN_TLS = Set.of("TLSv1.2_2021", "TLSv1.2_2025", "TLSv1.3_2025");

    private CloudFrontRules() {
    }

    public static List<Rule> all() {
        return List.of(viewersUseHttps(), modernTls(), certificateInUsEast1(), compression(), originsUseHttps(),
                uncachedPoliciesKeyOnNothing(), authorizationReachesBasicAuth(), forwardedHostIsTheSite());
    }

    /** EE-CF-1. */
    static Rule viewersUseHttps() {
        return perResource("EE-CF-1", Severity.ERROR,
                "Every cache behaviour redirects viewers to HTTPS or requires it: no cookies or forms over plain HTTP.",
                DISTRIBUTIONS, (r, in, out) -> {
                    for (Behaviour b : behaviours(r)) {
                        String policy = Props.string(b.settings(), "viewerProtocolPolicy").orElse("unset");
                        if (!HTTPS_POLICIES.contains(policy)) {
                            out.add(r, b.label() + " has viewerProtocolPolicy " + policy,
                                    "set viewerProtocolPolicy to \"redirect-to-https\" (or \"https-only\")");
                        }
                    }
                });
    }

    /** EE-CF-2. */
    static Rule modernTls() {
        return perResource("EE-CF-2", Severity.ERROR,
                "Viewers negotiate TLS 1.2 or newer with the 2021 (or later) cipher policy.",
                DISTRIBUTIONS, (r, in, out) -> {
                    if (r.bool("viewerCertificate.cloudfrontDefaultCertificate").orElse(false)) {
                        out.add(r, "uses the *.cloudfront.net default certificate, which allows TLSv1",
                                "use an ACM certificate with minimumProtocolVersion \"TLSv1.2_2021\"");
                        return;
                    }
                    String version = r.string("viewerCertificate.minimumProtocolVersion").orElse("unset");
                    if (!MODERN_TLS.contains(version)) {
                        out.add(r, "viewerCertificate.minimumProtocolVersion is " + version,
                                "set viewerCertificate.minimumProtocolVersion to \"TLSv1.2_2021\" or newer");
                    }
                });
    }

    /** EE-CF-3: CloudFront only accepts ACM certificates from us-east-1, whatever the stack's region. */
    static Rule certificateInUsEast1() {
        return perResource("EE-CF-3", Severity.ERROR,
                "The viewer certificate is an ACM certificate in us-east-1, the only region CloudFront accepts.",
                DISTRIBUTIONS, (r, in, out) -> {
                    if (r.bool("viewerCertificate.cloudfrontDefaultCertificate").orElse(false)) {
                        return; // EE-CF-2 already reports the default certificate.
                    }
                    String arn = r.string("viewerCertificate.acmCertificateArn").orElse("");
                    String[] parts = arn.split(":", -1);
                    // arn:<partition>:acm:<region>:<account>:certificate/<id>
                    boolean ok = parts.length >= 6 && parts[0].equals("arn") && parts[2].equals("acm")
                            && parts[3].equals("us-east-1") && parts[5].startsWith("certificate/");
                    if (!ok) {
                        out.add(r, "viewerCertificate.acmCertificateArn is "
                                        + (arn.isEmpty() ? "unset" : arn) + ", not an ACM certificate in us-east-1",
                                "issue the certificate in us-east-1 and set its ARN as acmCertificateArn");
                    }
                });
    }

    /** EE-CF-4. */
    static Rule compression() {
        return perResource("EE-CF-4", Severity.WARNING,
                "Every cache behaviour compresses responses (gzip/Brotli): smaller pages, lower transfer cost.",
                DISTRIBUTIONS, (r, in, out) -> {
                    for (Behaviour b : behaviours(r)) {
                        if (!Props.bool(b.settings(), "compress").orElse(false)) {
                            out.add(r, b.label() + " does not compress", "set compress to true on " + b.label());
                        }
                    }
                });
    }

    /**
     * EE-CF-5: over HTTP, the origin secret, session cookies and passwords would cross the
     * internet in clear between CloudFront and the load balancer.
     */
    static Rule originsUseHttps() {
        return perResource("EE-CF-5", Severity.ERROR,
                "CloudFront reaches every custom origin over HTTPS only, with TLS 1.2: the origin secret, cookies and passwords never cross the internet in clear.",
                DISTRIBUTIONS, (r, in, out) -> {
                    for (Map<String, Object> origin : r.objects("origins")) {
                        if (Props.at(origin, "customOriginConfig") == null) {
                            continue; // an S3 origin: CloudFront always uses HTTPS when it signs requests to S3
                        }
                        String id = Props.string(origin, "originId").orElse("?");
                        String policy = Props.string(origin, "customOriginConfig.originProtocolPolicy").orElse("unset");
                        if (!policy.equals("https-only")) {
                            out.add(r, "origin " + id + " has originProtocolPolicy " + policy,
                                    "serve the origin over HTTPS (a certificate on its listener) and set originProtocolPolicy to \"https-only\"");
                        }
                        List<String> protocols = Props.strings(origin, "customOriginConfig.originSslProtocols");
                        if (!protocols.equals(List.of("TLSv1.2"))) {
                            out.add(r, "origin " + id + " allows originSslProtocols " + protocols,
                                    "set originSslProtocols to [\"TLSv1.2\"]");
                        }
                    }
                });
    }

    /**
     * EE-CF-6: CloudFront rejects a cache policy whose TTLs are all 0 but that puts headers,
     * cookies, query strings or the normalised Accept-Encoding in its key ("... is invalid for
     * policy with caching disabled"); such a path takes the managed CachingDisabled policy and an
     * origin request policy instead.
     */
    static Rule uncachedPoliciesKeyOnNothing() {
        return perResource("EE-CF-6", Severity.ERROR,
                "A cache policy that caches nothing (all TTLs 0) puts nothing in its key, which CloudFront requires.",
                Set.of(Types.CACHE_POLICY), (r, in, out) -> {
                    boolean cachesNothing = List.of("minTtl", "defaultTtl", "maxTtl").stream()
                            .allMatch(ttl -> r.string(ttl).map(v -> Double.parseDouble(v) == 0).orElse(ttl.equals("minTtl")));
                    if (!cachesNothing) {
                        return;
                    }
                    String key = "parametersInCacheKeyAndForwardedToOrigin.";
                    List<String> inKey = new ArrayList<>();
                    for (String part : List.of("headersConfig.headerBehavior", "cookiesConfig.cookieBehavior",
                            "queryStringsConfig.queryStringBehavior")) {
                        r.string(key + part).filter(v -> !v.equals("none")).ifPresent(v -> inKey.add(part + " " + v));
                    }
                    for (String flag : List.of("enableAcceptEncodingGzip", "enableAcceptEncodingBrotli")) {
                        if (r.bool(key + flag).orElse(false)) {
                            inKey.add(flag);
                        }
                    }
                    if (!inKey.isEmpty()) {
                        out.add(r, "caches nothing but puts " + String.join(", ", inKey) + " in its key",
                                "use the managed CachingDisabled policy with an origin request policy (e.g. Managed-AllViewer)");
                    }
                });
    }

    /** The managed origin request policy that forwards every viewer header, Authorization included. */
    static final String ALL_VIEWER_ORIGIN_REQUEST_POLICY = "216adef6-5c7f-47e4-b989-5492eafa07d3";

    /**
     * EE-CF-7: in development and staging the app answers 401 to every page without basic auth,
     * and CloudFront strips {@code Authorization} unless the cache policy keys on it or the
     * behaviour forwards all viewer headers (developer guide, "Configuring CloudFront to forward
     * the Authorization header").
     */
    static Rule authorizationReachesBasicAuth() {
        return perResource("EE-CF-7", Severity.ERROR,
                "Where the app asks for basic auth (development, staging), the default behaviour forwards `Authorization`: its cache policy keys on it, or it forwards all viewer headers.",
                DISTRIBUTIONS, (r, in, out) -> {
                    if (in.isProduction()) {
                        return;
                    }
                    Map<String, Object> pages = r.object("defaultCacheBehavior");
                    if (ALL_VIEWER_ORIGIN_REQUEST_POLICY.equals(Props.string(pages, "originRequestPolicyId").orElse(""))) {
                        return;
                    }
                    String policyId = Props.string(pages, "cachePolicyId").orElse("");
                    var policy = in.byId(policyId).filter(p -> p.is(Types.CACHE_POLICY));
                    boolean keyed = policy.map(p -> p.strings("parametersInCacheKeyAndForwardedToOrigin.headersConfig.headers.items")
                            .stream().anyMatch(h -> h.equalsIgnoreCase("Authorization"))).orElse(false);
                    if (!keyed) {
                        out.add(r, "defaultCacheBehavior's cache policy " + policy.map(DeclaredResource::name).orElse(policyId)
                                        + " does not key on Authorization, so basic auth never reaches the app",
                                "add Authorization to the cache policy's headersConfig (headerBehavior whitelist)");
                    }
                });
    }

    /**
     * EE-CF-8: CloudFront sends the origin's own name as {@code Host}; Django (USE_X_FORWARDED_HOST,
     * ALLOWED_HOSTS = the site's name) answers 400 to every page unless {@code X-Forwarded-Host}
     * names the site, and builds links from {@code X-Forwarded-Proto}.
     */
    static Rule forwardedHostIsTheSite() {
        return perResource("EE-CF-8", Severity.ERROR,
                "Every custom origin gets `X-Forwarded-Host: <the site's name>` and `X-Forwarded-Proto: https`: Django answers 400 to a Host it does not serve.",
                DISTRIBUTIONS, (r, in, out) -> {
                    List<String> aliases = r.strings("aliases");
                    for (Map<String, Object> origin : r.objects("origins")) {
                        if (Props.at(origin, "customOriginConfig") == null) {
                            continue;
                        }
                        String id = Props.string(origin, "originId").orElse("?");
                        Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                        for (Map<String, Object> header : Props.objects(origin, "customHeaders")) {
                            headers.put(Props.string(header, "name").orElse(""), Props.string(header, "value").orElse(""));
                        }
                        String host = headers.get("X-Forwarded-Host");
                        if (host == null || !aliases.contains(host)) {
                            out.add(r, "origin " + id + " gets X-Forwarded-Host " + (host == null ? "(none)" : host)
                                            + ", not one of the aliases " + aliases,
                                    "add the custom header X-Forwarded-Host with the site's name to the origin");
                        }
                        if (!"https".equals(headers.get("X-Forwarded-Proto"))) {
                            out.add(r, "origin " + id + " gets X-Forwarded-Proto " + headers.getOrDefault("X-Forwarded-Proto", "(none)"),
                                    "add the custom header X-Forwarded-Proto: https to the origin");
                        }
                    }
                });
    }

    /** A cache behaviour and how messages name it. */
    record Behaviour(String label, Map<String, Object> settings) {
    }

    static List<Behaviour> behaviours(DeclaredResource distribution) {
        List<Behaviour> result = new ArrayList<>();
        result.add(new Behaviour("defaultCacheBehavior", distribution.object("defaultCacheBehavior")));
        for (Map<String, Object> ordered : distribution.objects("orderedCacheBehaviors")) {
            result.add(new Behaviour("orderedCacheBehaviors[" + Props.string(ordered, "pathPattern").orElse("?") + "]",
                    ordered));
        }
        return result;
    }
}
