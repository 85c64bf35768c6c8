package org.democracyclub.ee.infra.policy;

import static org.democracyclub.ee.infra.policy.BaseRule.perResource;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Rules on what EC2 instances are launched with: the launch template (and any bare instance). */
public final class Ec2Rules {
    private static final Set<String> LAUNCHERS = Set.of(Types.LAUNCH_TEMPLATE, Types.INSTANCE);

    private Ec2Rules() {
    }

    public static List<Rule> all() {
        return List.of(imdsV2Required(), ebsEncrypted(), noPublicIp());
    }

    /** EE-EC2-1: IMDSv1 answers any request from the instance, so an SSRF bug leaks the role's credentials. */
    static Rule imdsV2Required() {
        return perResource("EE-EC2-1", Severity.ERROR,
                "IMDSv2 required: with IMDSv1 an SSRF bug in the app leaks the instance role's credentials.",
                LAUNCHERS, (r, in, out) -> {
                    String tokens = r.string("metadataOptions.httpTokens").orElse("(unset: optional)");
                    if (!tokens.equals("required")) {
                        out.add(r, "metadataOptions.httpTokens is " + tokens + ", so IMDSv1 is allowed",
                                "set metadataOptions.httpTokens to \"required\"");
                    }
                });
    }

    /** EE-EC2-2: an unencrypted volume (or its snapshots) can be read by anyone who gets hold of it. */
    static Rule ebsEncrypted() {
        return perResource("EE-EC2-2", Severity.ERROR,
                "Every EBS volume encrypted: snapshots and detached volumes must not be readable in the clear.",
                LAUNCHERS, (r, in, out) -> {
                    if (r.is(Types.LAUNCH_TEMPLATE)) {
                        for (Map<String, Object> mapping : r.objects("blockDeviceMappings")) {
                            // A mapping without ebs (an instance-store volume or a NoDevice) has nothing to encrypt.
                            if (Props.at(mapping, "ebs") != null
                                    && !Props.bool(mapping, "ebs.encrypted").orElse(false)) {
                                out.add(r, "the EBS volume " + Props.string(mapping, "deviceName").orElse("(no device name)")
                                                + " is not encrypted (ebs.encrypted = "
                                                + Props.string(mapping, "ebs.encrypted").orElse("unset") + ")",
                                        "set blockDeviceMappings[].ebs.encrypted to \"true\"");
                            }
                        }
                    } else {
                        if (!r.bool("rootBlockDevice.encrypted").orElse(false)) {
                            out.add(r, "the root volume is not encrypted", "set rootBlockDevice.encrypted to true");
                        }
                        for (Map<String, Object> device : r.objects("ebsBlockDevices")) {
                            if (!Props.bool(device, "encrypted").orElse(false)) {
                                out.add(r, "the EBS volume " + Props.string(device, "deviceName").orElse("?")
                                        + " is not encrypted", "set ebsBlockDevices[].encrypted to true");
                            }
                        }
                    }
                });
    }

    /**
     * EE-EC2-3: what is checked is that nothing asks for a public IP. It does not keep instances
     * off the internet: in the default VPC's subnets (map public IP on launch) every instance gets
     * a public IP anyway, which the fleet needs for its outbound traffic without a NAT gateway;
     * what keeps it unreachable is its security group, which admits only the load balancer.
     */
    static Rule noPublicIp() {
        return perResource("EE-EC2-3", Severity.ERROR,
                "No launch template or instance asks for a public IP. Instances in default subnets still get one (the subnets map public IPs on launch); only their security group keeps them unreachable except from the load balancer.",
                LAUNCHERS, (r, in, out) -> {
                    if (r.is(Types.LAUNCH_TEMPLATE)) {
                        for (Map<String, Object> nic : r.objects("networkInterfaces")) {
                            if (Props.bool(nic, "associatePublicIpAddress").orElse(false)) {
                                out.add(r, "networkInterfaces[].associatePublicIpAddress is true",
                                        "remove associatePublicIpAddress or set it to \"false\"");
                            }
                        }
                    } else if (r.bool("associatePublicIpAddress").orElse(false)) {
                        out.add(r, "associatePublicIpAddress is true", "set associatePublicIpAddress to false");
                    }
                });
    }

    /** The security group IDs an instance launched from this template gets. */
    static Set<String> instanceSecurityGroups(DeclaredResource launcher) {
        Set<String> ids = new LinkedHashSet<>(launcher.strings("vpcSecurityGroupIds"));
        for (Map<String, Object> nic : launcher.objects("networkInterfaces")) {
            ids.addAll(Props.strings(nic, "securityGroups"));
        }
        return ids;
    }

    /** The types that launch instances, for the network rules. */
    static Set<String> launcherTypes() {
        return LAUNCHERS;
    }
}
