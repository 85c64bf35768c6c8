package org.democracyclub.ee.infra.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One source allowed into one security group, whichever way the program declared it: inline
 * {@code ingress[]} on the group, a {@code vpc.SecurityGroupIngressRule}, or an
 * {@code ec2.SecurityGroupRule} of type ingress. The network rules reason about these only.
 *
 * @param declaredBy the resource that declares the permission
 * @param groupId    the ID of the group the traffic enters
 * @param kind       what the source is
 * @param source     the CIDR, prefix list ID or security group ID ("self" for self-references)
 * @param ports      e.g. {@code tcp 8001-8001}, for messages
 */
record Ingress(DeclaredResource declaredBy, String groupId, Kind kind, String source, String ports) {

    enum Kind { CIDR_IPV4, CIDR_IPV6, PREFIX_LIST, SECURITY_GROUP, SELF }

    boolean isInternet() {
        return (kind == Kind.CIDR_IPV4 && source.equals("0.0.0.0/0"))
                || (kind == Kind.CIDR_IPV6 && source.equals("::/0"));
    }

    String describe() {
        String what = switch (kind) {
            case CIDR_IPV4, CIDR_IPV6 -> "CIDR " + source;
            case PREFIX_LIST -> "prefix list " + source;
            case SECURITY_GROUP -> "security group " + source;
            case SELF -> "the group itself";
        };
        return "ingress " + ports + " from " + what;
    }

    /** Every ingress permission declared in the stack. */
    static List<Ingress> all(PolicyInput input) {
        List<Ingress> result = new ArrayList<>();
        for (DeclaredResource r : input.resources()) {
            switch (r.type()) {
                case Types.SECURITY_GROUP -> {
                    for (Map<String, Object> rule : r.objects("ingress")) {
                        addPermission(result, r, r.id(), rule, "securityGroups");
                    }
                }
                case Types.INGRESS_RULE -> {
                    String group = r.string("securityGroupId").orElse("");
                    String ports = ports(r.inputs(), "ipProtocol");
                    r.string("cidrIpv4").ifPresent(c -> result.add(new Ingress(r, group, Kind.CIDR_IPV4, c, ports)));
                    r.string("cidrIpv6").ifPresent(c -> result.add(new Ingress(r, group, Kind.CIDR_IPV6, c, ports)));
                    r.string("prefixListId").ifPresent(p -> result.add(new Ingress(r, group, Kind.PREFIX_LIST, p, ports)));
                    r.string("referencedSecurityGroupId").ifPresent(
                            g -> result.add(new Ingress(r, group, Kind.SECURITY_GROUP, g, ports)));
                }
                case Types.SECURITY_GROUP_RULE -> {
                    if (r.string("type").orElse("").equals("ingress")) {
                        addPermission(result, r, r.string("securityGroupId").orElse(""), r.inputs(),
                                "sourceSecurityGroupId");
                    }
                }
                default -> {
                }
            }
        }
        return result;
    }

    /** The shape shared by inline ingress blocks and ec2.SecurityGroupRule. */
    private static void addPermission(List<Ingress> result, DeclaredResource r, String group,
                                      Map<String, Object> rule, String groupSourceKey) {
        String ports = ports(rule, "protocol");
        Props.strings(rule, "cidrBlocks").forEach(c -> result.add(new Ingress(r, group, Kind.CIDR_IPV4, c, ports)));
        Props.strings(rule, "ipv6CidrBlocks").forEach(c -> result.add(new Ingress(r, group, Kind.CIDR_IPV6, c, ports)));
        Props.strings(rule, "prefixListIds").forEach(p -> result.add(new Ingress(r, group, Kind.PREFIX_LIST, p, ports)));
        Props.strings(rule, groupSourceKey).forEach(
                g -> result.add(new Ingress(r, group, Kind.SECURITY_GROUP, g, ports)));
        if (Props.bool(rule, "self").orElse(false)) {
            result.add(new Ingress(r, group, Kind.SELF, "self", ports));
        }
    }

    private static String ports(Map<String, Object> rule, String protocolKey) {
        String protocol = Props.string(rule, protocolKey).orElse("?");
        if (protocol.equals("-1") || protocol.equalsIgnoreCase("all")) {
            return "all traffic";
        }
        String from = Props.number(rule, "fromPort").map(n -> String.valueOf(n.intValue())).orElse("?");
        String to = Props.number(rule, "toPort").map(n -> String.valueOf(n.intValue())).orElse("?");
        return protocol + " " + from + "-" + to;
    }
}
