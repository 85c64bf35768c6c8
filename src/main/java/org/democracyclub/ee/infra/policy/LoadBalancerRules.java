package org.democracyclub.ee.infra.policy;

import static org.democracyclub.ee.infra.policy.BaseRule.perResource;

import java.util.List;
import java.util.Set;

/** Rules on the Application Load Balancer and its target groups. */
public final class LoadBalancerRules {
    private static final Set<String> LOAD_BALANCERS = Set.of(Types.LOAD_BALANCER, Types.ALB_LOAD_BALANCER);
    private static final Set<String> TARGET_GROUPS = Set.of(Types.TARGET_GROUP, Types.ALB_TARGET_GROUP);
    private static final Set<String> LISTENERS = Set.of(Types.LISTENER, Types.ALB_LISTENER);
    /**
     * ELB security policies whose lowest protocol is TLS 1.2 or 1.3: the name carries the
     * minimum version ({@code ELBSecurityPolicy-TLS13-1-2-2021-06} negotiates TLS 1.2 and 1.3;
     * {@code ...-TLS13-1-0-...} would allow TLS 1.0).
     */
    private static final java.util.regex.Pattern MODERN_SSL_POLICY = java.util.regex.Pattern.compile(
            "ELBSecurityPolicy-(TLS13-1-[23]|TLS-1-2|FS-1-2)-.+");

    private LoadBalancerRules() {
    }

    public static List<Rule> all() {
        return List.of(dropsInvalidHeaders(), deletionProtectionInProduction(), targetGroupHealthCheck(),
                listenersUseHttps());
    }

    /** EE-LB-1: header fields that are not valid HTTP are a request-smuggling vector. */
    static Rule dropsInvalidHeaders() {
        return perResource("EE-LB-1", Severity.ERROR,
                "The load balancer drops invalid HTTP header fields (request smuggling, header injection).",
                LOAD_BALANCERS, (r, in, out) -> {
                    // Only application load balancers parse HTTP; a network load balancer has no such setting.
                    if (!r.string("loadBalancerType").orElse("application").equals("application")) {
                        return;
                    }
                    if (!r.bool("dropInvalidHeaderFields").orElse(false)) {
                        out.add(r, "dropInvalidHeaderFields is " + r.string("dropInvalidHeaderFields").orElse("unset (false)"),
                                "set dropInvalidHeaderFields to true");
                    }
                });
    }

    /** EE-LB-2: deleting the production load balancer takes the site down and changes its DNS name. */
    static Rule deletionProtectionInProduction() {
        return perResource("EE-LB-2", Severity.ERROR,
                "Deletion protection on the production load balancer: one wrong `pulumi up` must not take the site down.",
                LOAD_BALANCERS, (r, in, out) -> {
                    if (in.isProduction() && !r.bool("enableDeletionProtection").orElse(false)) {
                        out.add(r, "enableDeletionProtection is not true in production",
                                "set enableDeletionProtection to true for the production stack");
                    }
                });
    }

    /** EE-LB-3: without a health check the load balancer keeps sending traffic to dead instances. */
    static Rule targetGroupHealthCheck() {
        return perResource("EE-LB-3", Severity.ERROR,
                "Every target group has a health check, so traffic and deployments skip unhealthy instances.",
                TARGET_GROUPS, (r, in, out) -> {
                    if (r.string("targetType").orElse("instance").equals("lambda")) {
                        return;
                    }
                    if (!r.bool("healthCheck.enabled").orElse(true)) {
                        out.add(r, "healthCheck.enabled is false", "enable the health check");
                        return;
                    }
                    // A path only means something for HTTP(S) checks; a TCP check has none.
                    String protocol = r.string("healthCheck.protocol").or(() -> r.string("protocol")).orElse("HTTP");
                    boolean http = protocol.equalsIgnoreCase("HTTP") || protocol.equalsIgnoreCase("HTTPS");
                    if (http && r.string("healthCheck.path").map(String::isBlank).orElse(true)) {
                        out.add(r, "healthCheck.path is not set",
                                "set healthCheck.path to a URL the application answers with its matcher (e.g. \"/\")");
                    }
                });
    }

    /**
     * EE-LB-4: a forwarding HTTP listener would carry the origin secret and the users' cookies in
     * clear; an HTTP listener may exist only to redirect to HTTPS.
     */
    static Rule listenersUseHttps() {
        return perResource("EE-LB-4", Severity.ERROR,
                "Every listener is HTTPS with a TLS 1.2+ security policy, or an HTTP listener that only redirects to HTTPS.",
                LISTENERS, (r, in, out) -> {
                    String protocol = r.string("protocol").orElse("HTTP");
                    if (protocol.equals("HTTPS")) {
                        String policy = r.string("sslPolicy").orElse("unset (ELBSecurityPolicy-2016-08, TLS 1.0)");
                        if (!MODERN_SSL_POLICY.matcher(policy).matches()) {
                            out.add(r, "sslPolicy is " + policy, "set sslPolicy to \"ELBSecurityPolicy-TLS13-1-2-2021-06\"");
                        }
                        return;
                    }
                    for (java.util.Map<String, Object> action : r.objects("defaultActions")) {
                        boolean redirectsToHttps = "redirect".equals(Props.string(action, "type").orElse(""))
                                && "HTTPS".equals(Props.string(action, "redirect.protocol").orElse(""));
                        if (!redirectsToHttps) {
                            out.add(r, "a " + protocol + " listener on port " + r.string("port").orElse("?")
                                            + " has a " + Props.string(action, "type").orElse("?") + " action",
                                    "serve HTTPS with a certificate, and let a port-80 listener only redirect to HTTPS");
                        }
                    }
                });
    }
}
