package org.democracyclub.ee.infra.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.democracyclub.ee.common.AppDefaults;
import org.democracyclub.ee.infra.policy.DeclaredResource;
import org.democracyclub.ee.infra.preview.OfflineRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link SecurityGroups} declared alone with its args. */
class SecurityGroupsIT {
    private static final String GROUP = "aws:ec2/securityGroup:SecurityGroup";
    private static final String INGRESS = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
    private static final String EGRESS = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";
    private static final String VPC = "vpc-0test";
    private static final String PREFIX_LIST = "pl-0cloudfront";
    private static OfflineRun run;

    @BeforeAll
    static void declare() {
        run = Alone.declare(options -> new SecurityGroups("sg", new SecurityGroups.Args(VPC, PREFIX_LIST), options));
    }

    private static List<Map<String, Object>> rules(String type) {
        return run.ofType(type).stream().map(DeclaredResource::inputs).toList();
    }

    @Test
    void bothGroupsAreInTheGivenVpc() {
        assertThat(run.ofType(GROUP)).hasSize(2).allSatisfy(group -> assertThat(group.at("vpcId")).isEqualTo(VPC));
    }

    @Test
    void theLoadBalancerGroupIsNamedFromAPrefixSoItCanBeReplacedBesideTheOld() {
        DeclaredResource group = run.get(GROUP, "ee-alb-sg");
        assertThat(group.at("namePrefix")).isEqualTo("ee-alb-sg-");
        assertThat(group.inputs()).doesNotContainKey("name");
    }

    @Test
    void theLoadBalancerAdmitsHttpsOnlyFromTheCloudFrontPrefixList() {
        assertThat(rules(INGRESS)).filteredOn(rule -> "ee-alb-sg-id".equals(rule.get("securityGroupId")))
                .singleElement().satisfies(rule -> assertThat(rule).containsEntry("prefixListId", PREFIX_LIST)
                        .containsEntry("fromPort", 443.0).containsEntry("toPort", 443.0)
                        .doesNotContainKeys("cidrIpv4", "cidrIpv6"));
    }

    @Test
    void theInstancesAdmitOnlyTheApplicationPortFromTheLoadBalancerGroup() {
        assertThat(rules(INGRESS)).filteredOn(rule -> "ee-instance-sg-id".equals(rule.get("securityGroupId")))
                .singleElement().satisfies(rule -> assertThat(rule)
                        .containsEntry("referencedSecurityGroupId", "ee-alb-sg-id")
                        .containsEntry("fromPort", (double) AppDefaults.PORT)
                        .containsEntry("toPort", (double) AppDefaults.PORT));
    }

    @Test
    void theLoadBalancerSendsOnlyToTheInstancesOnTheApplicationPort() {
        assertThat(rules(EGRESS)).filteredOn(rule -> "ee-alb-sg-id".equals(rule.get("securityGroupId")))
                .singleElement().satisfies(rule -> assertThat(rule)
                        .containsEntry("referencedSecurityGroupId", "ee-instance-sg-id")
                        .containsEntry("toPort", (double) AppDefaults.PORT));
    }

    @Test
    void everyChildIsParentedToTheComponent() {
        assertThat(run.resources()).filteredOn(r -> !r.isComponent() && !r.type().startsWith("pulumi:providers:"))
                .isNotEmpty().allSatisfy(r -> assertThat(r.parentType()).isEqualTo(SecurityGroups.TYPE));
    }
}
