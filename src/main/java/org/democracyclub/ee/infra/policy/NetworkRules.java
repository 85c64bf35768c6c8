package org.democracyclub.ee.infra.policy;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Who can reach what: nothing from the whole internet, the load balancer only from CloudFront,
 * the instances only from the load balancer. The old system's load balancer accepted the whole
 * internet, so CloudFront (and its caching and TLS policy) could be bypassed; these rules keep
 * that closed.
 */
public final class NetworkRules {
    private static final Set<String> LOAD_BALANCERS = Set.of(Types.LOAD_BALANCER, Types.ALB_LOAD_BALANCER);

    private NetworkRules() {
    }

    public static List<Rule> all() {
        return List.of(noInternetIngress(), instancesOnlyFromLoadBalancer(), loadBalancerOnlyFromCloudFront());
    }

    /** EE-NET-1. */
    static Rule noInternetIngress() {
        return new BaseRule("EE-NET-1", Severity.ERROR,
                "No security-group ingress from 0.0.0.0/0 or ::/0: every entry point sits behind CloudFront.") {
            @Override
            protected void check(PolicyInput input, Findings findings) {
                for (Ingress ingress : Ingress.all(input)) {
                    if (ingress.isInternet()) {
                        findings.add(ingress.declaredBy(), ingress.describe() + " into " + ingress.groupId()
                                        + " opens it to the whole internet",
                                "allow a prefix list (CloudFront's origin-facing list) or a security group instead");
                    }
                }
            }
        };
    }

    /** EE-NET-2. */
    static Rule instancesOnlyFromLoadBalancer() {
        return new BaseRule("EE-NET-2", Severity.ERROR,
                "The instances' port is reachable only from the load balancer's security group.") {
            @Override
            protected void check(PolicyInput input, Findings findings) {
                Set<String> lbGroups = loadBalancerGroups(input, false);
                for (DeclaredResource launcher : input.resources()) {
                    if (!Ec2Rules.launcherTypes().contains(launcher.type())) {
                        continue;
                    }
                    Set<String> groups = Ec2Rules.instanceSecurityGroups(launcher);
                    if (groups.isEmpty()) {
                        findings.add(launcher, "names no security group, so instances get the VPC's default group",
                                "set vpcSecurityGroupIds to the instances' own security group");
                    }
                    for (String group : groups) {
                        if (!declaresGroup(input, group)) {
                            findings.add(launcher, "uses security group " + group
                                            + ", which this stack does not declare, so its ingress cannot be checked",
                                    "declare the instances' security group in the program");
                        }
                    }
                }
                for (Ingress ingress : Ingress.all(input)) {
                    if (isInstanceGroup(input, ingress.groupId())
                            && !(ingress.kind() == Ingress.Kind.SECURITY_GROUP && lbGroups.contains(ingress.source()))) {
                        findings.add(ingress.declaredBy(), ingress.describe() + " into the instances' group "
                                        + ingress.groupId() + " does not come from the load balancer's group "
                                        + (lbGroups.isEmpty() ? "(no load balancer declares a security group)" : lbGroups),
                                "allow only referencedSecurityGroupId = the load balancer's security group");
                    }
                }
            }
        };
    }

    /** EE-NET-3. */
    static Rule loadBalancerOnlyFromCloudFront() {
        return new BaseRule("EE-NET-3", Severity.ERROR,
                "The load balancer is reachable only through CloudFront (its origin-facing managed prefix list).") {
            @Override
            protected void check(PolicyInput input, Findings findings) {
                for (DeclaredResource lb : input.resources()) {
                    if (!LOAD_BALANCERS.contains(lb.type()) || lb.bool("internal").orElse(false)) {
                        continue;
                    }
                    List<String> groups = lb.strings("securityGroups");
                    if (groups.isEmpty()) {
                        findings.add(lb, "has no security group, so it gets the VPC's default group",
                                "set securityGroups to a group that only allows CloudFront's prefix list");
                    }
                    for (String group : groups) {
                        if (!declaresGroup(input, group)) {
                            findings.add(lb, "uses security group " + group
                                            + ", which this stack does not declare, so its ingress cannot be checked",
                                    "declare the load balancer's security group in the program");
                        }
                    }
                }
                Set<String> lbGroups = loadBalancerGroups(input, true);
                for (Ingress ingress : Ingress.all(input)) {
                    // The program looks the list up by name (com.amazonaws.global.cloudfront.origin-facing);
                    // its ID differs per region and account, so any managed prefix list ID is accepted.
                    if (lbGroups.contains(ingress.groupId())
                            && !(ingress.kind() == Ingress.Kind.PREFIX_LIST && ingress.source().startsWith("pl-"))) {
                        findings.add(ingress.declaredBy(), ingress.describe() + " into the load balancer's group "
                                        + ingress.groupId() + " lets clients bypass CloudFront",
                                "allow only prefixListId = the CloudFront origin-facing managed prefix list");
                    }
                }
            }
        };
    }

    /** The security groups of every load balancer (or only the internet-facing ones). */
    static Set<String> loadBalancerGroups(PolicyInput input, boolean internetFacingOnly) {
        Set<String> groups = new LinkedHashSet<>();
        for (DeclaredResource lb : input.resources()) {
            if (LOAD_BALANCERS.contains(lb.type())
                    && !(internetFacingOnly && lb.bool("internal").orElse(false))) {
                groups.addAll(lb.strings("securityGroups"));
            }
        }
        return groups;
    }

    private static boolean isInstanceGroup(PolicyInput input, String groupId) {
        return input.resources().stream()
                .filter(r -> Ec2Rules.launcherTypes().contains(r.type()))
                .anyMatch(r -> Ec2Rules.instanceSecurityGroups(r).contains(groupId));
    }

    private static boolean declaresGroup(PolicyInput input, String groupId) {
        return input.byId(groupId).map(r -> r.is(Types.SECURITY_GROUP)).orElse(false);
    }
}
