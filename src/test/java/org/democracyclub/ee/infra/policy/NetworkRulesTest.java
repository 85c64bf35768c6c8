package org.democracyclub.ee.infra.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.democracyclub.ee.infra.policy.Res.list;
import static org.democracyclub.ee.infra.policy.Res.obj;

import org.junit.jupiter.api.Test;

class NetworkRulesTest {
    private final TestStack stack = TestStack.compliant("production");

    @Test
    void theProgramsSecurityGroupRulesPassAllThreeRules() {
        assertThat(stack.check(NetworkRules.noInternetIngress())).isEmpty();
        assertThat(stack.check(NetworkRules.instancesOnlyFromLoadBalancer())).isEmpty();
        assertThat(stack.check(NetworkRules.loadBalancerOnlyFromCloudFront())).isEmpty();
    }

    @Test
    void anIngressRuleFromTheWholeInternetIsCaught() {
        stack.add(Res.of(Types.INGRESS_RULE, "ee-alb-open").set("securityGroupId", "ee-alb-sg-id")
                .set("cidrIpv4", "0.0.0.0/0").set("ipProtocol", "tcp").set("fromPort", 443).set("toPort", 443));

        assertThat(stack.check(NetworkRules.noInternetIngress()))
                .extracting(Violation::ruleId, Violation::resourceName, Violation::problem)
                .containsExactly(tuple("EE-NET-1", "ee-alb-open",
                        "ingress tcp 443-443 from CIDR 0.0.0.0/0 into ee-alb-sg-id opens it to the whole internet"));
    }

    @Test
    void inlineIpv6IngressFromEverywhereIsCaught() {
        stack.edit("ee-alb-sg", r -> r.set("ingress", list(obj("protocol", "tcp", "fromPort", 80.0, "toPort", 80.0,
                "ipv6CidrBlocks", list("::/0")))));

        assertThat(stack.check(NetworkRules.noInternetIngress()))
                .extracting(Violation::ruleId, Violation::resourceName)
                .containsExactly(tuple("EE-NET-1", "ee-alb-sg"));
    }

    @Test
    void egressToTheInternetIsNotIngress() {
        assertThat(stack.input().ofType(Types.EGRESS_RULE)).isNotEmpty();
        assertThat(stack.check(NetworkRules.noInternetIngress())).isEmpty();
    }

    @Test
    void instancesReachableFromAPrivateCidrAreCaught() {
        stack.add(Res.of(Types.INGRESS_RULE, "ee-instance-from-vpc").set("securityGroupId", "ee-instance-sg-id")
                .set("cidrIpv4", "172.31.0.0/16").set("ipProtocol", "tcp").set("fromPort", 8001).set("toPort", 8001));

        assertThat(stack.check(NetworkRules.instancesOnlyFromLoadBalancer()))
                .extracting(Violation::ruleId, Violation::resourceName)
                .containsExactly(tuple("EE-NET-2", "ee-instance-from-vpc"));
    }

    @Test
    void instancesReachableFromAnotherGroupAreCaught() {
        stack.edit("ee-instance-from-alb", r -> r.set("referencedSecurityGroupId", "sg-0somethingelse"));

        assertThat(stack.check(NetworkRules.instancesOnlyFromLoadBalancer()))
                .extracting(Violation::ruleId).containsExactly("EE-NET-2");
    }

    @Test
    void aLaunchTemplateWithoutSecurityGroupIsCaught() {
        stack.edit("ee-launch-template", r -> r.remove("vpcSecurityGroupIds"));

        assertThat(stack.check(NetworkRules.instancesOnlyFromLoadBalancer()))
                .extracting(Violation::ruleId, Violation::problem)
                .containsExactly(tuple("EE-NET-2", "names no security group, so instances get the VPC's default group"));
    }

    @Test
    void theLoadBalancerReachableFromTheInternetBesidesCloudFrontIsCaught() {
        stack.add(Res.of(Types.INGRESS_RULE, "ee-alb-from-office").set("securityGroupId", "ee-alb-sg-id")
                .set("cidrIpv4", "203.0.113.0/24").set("ipProtocol", "tcp").set("fromPort", 80).set("toPort", 80));

        assertThat(stack.check(NetworkRules.loadBalancerOnlyFromCloudFront()))
                .extracting(Violation::ruleId, Violation::resourceName)
                .containsExactly(tuple("EE-NET-3", "ee-alb-from-office"));
    }

    @Test
    void anyManagedPrefixListIdIsAcceptedForCloudFront() {
        stack.edit("ee-alb-from-cloudfront", r -> r.set("prefixListId", "pl-4fa04526"));

        assertThat(stack.check(NetworkRules.loadBalancerOnlyFromCloudFront())).isEmpty();
    }

    @Test
    void aLoadBalancerWithoutSecurityGroupIsCaught() {
        stack.edit("ee-alb", r -> r.remove("securityGroups"));

        assertThat(stack.check(NetworkRules.loadBalancerOnlyFromCloudFront()))
                .extracting(Violation::ruleId, Violation::resourceName)
                .containsExactly(tuple("EE-NET-3", "ee-alb"));
    }
}
