package org.democracyclub.ee.infra.policy;

import static org.democracyclub.ee.infra.policy.BaseRule.perResource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Rules on the CloudFront distribution: HTTPS for viewers, a modern TLS policy, compression. */
public final class CloudFrontRules {
    private static final Set<String> DISTRIBUTIONS = Set.of(Types.DISTRIBUTION);
    private static final Set<String> HTTPS_POLICIES = Set.of("redirect-to-https", "https-only");
    /** CloudFront security policies at least as strict as TLSv1.2_2021 (newest last). */
    static final Set<String> MODERN_TLS = Set.of("TLSv1.2_2021", "TLSv1.2_2025", "TLSv1.3_2025");

    private CloudFrontRules() {
    }

    public static List<Rule> all() {
        return List.of(viewersUseHttps(), modernTls(), certificateInUsEast1(), compression());
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
