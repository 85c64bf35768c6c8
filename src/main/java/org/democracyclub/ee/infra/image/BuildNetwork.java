package org.democracyclub.ee.infra.image;

import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.vpc.SecurityGroupEgressRule;
import com.pulumi.aws.vpc.SecurityGroupEgressRuleArgs;
import com.pulumi.resources.CustomResourceOptions;

/**
 * The build and test instances' security group: no inbound rule (Image Builder drives them
 * through the SSM agent, which connects out), all outbound, since the build installs packages
 * and clones the application from the internet.
 */
final class BuildNetwork {
    private BuildNetwork() {
    }

    static SecurityGroup securityGroup(String name, String vpcId, CustomResourceOptions child) {
        var group = new SecurityGroup(name + "-sg", SecurityGroupArgs.builder()
                .name(name + "-sg")
                .description("Image Builder build and test instances of " + name + ": outbound only")
                .vpcId(vpcId)
                .build(), child);
        new SecurityGroupEgressRule(name + "-egress", SecurityGroupEgressRuleArgs.builder()
                .securityGroupId(group.id())
                .description("Packages, the application's repository and the SSM endpoints")
                .ipProtocol("-1")
                .cidrIpv4("0.0.0.0/0")
                .build(), child);
        return group;
    }
}
