package org.democracyclub.ee.infra.platform;

import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.vpc.SecurityGroupEgressRule;
import com.pulumi.aws.vpc.SecurityGroupEgressRuleArgs;
import com.pulumi.aws.vpc.SecurityGroupIngressRule;
import com.pulumi.aws.vpc.SecurityGroupIngressRuleArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import java.util.Objects;
import org.democracyclub.ee.common.AppDefaults;
import org.democracyclub.ee.infra.names.Names;

/**
 * The two security groups: the load balancer's accepts HTTPS only from CloudFront's
 * origin-facing prefix list (referenced once: each reference counts as 55 rules), and the
 * instances' accepts the application port only from the load balancer's group.
 *
 * <p>The load balancer's group is named from a prefix: a change AWS can only make by replacing
 * the group (its description, its VPC) then creates the new one beside the old, moves the load
 * balancer and deletes the old, with no name clash. The instances' group keeps its fixed name:
 * the live fleet's instances hold it, so it could not be deleted before they are replaced anyway.
 */
public final class SecurityGroups extends ComponentResource {
    /** The port CloudFront reaches the load balancer on: HTTPS, to the origin host's certificate. */
    public static final int ORIGIN_PORT = 443;

    public static final String TYPE = "ee:platform:SecurityGroups";

    private final SecurityGroup loadBalancer;
    private final SecurityGroup instances;

    /**
     * Inputs of {@link SecurityGroups}; the AWS provider comes in the component's options.
     *
     * @param vpcId                  the VPC both groups belong to (the platform's VPC)
     * @param cloudFrontPrefixListId the AWS-managed prefix list of CloudFront's origin-facing
     *                               addresses, the only source the load balancer admits
     */
    public record Args(String vpcId, String cloudFrontPrefixListId) {
        public Args {
            Objects.requireNonNull(vpcId, "vpcId");
            Objects.requireNonNull(cloudFrontPrefixListId, "cloudFrontPrefixListId");
        }
    }

    public SecurityGroups(String name, Args args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var child = CustomResourceOptions.builder().parent(this).build();

        loadBalancer = new SecurityGroup(Names.LOAD_BALANCER_SECURITY_GROUP, SecurityGroupArgs.builder()
                .namePrefix(Names.LOAD_BALANCER_SECURITY_GROUP + "-")
                .description("ee-alb: HTTPS from CloudFront only")
                .vpcId(args.vpcId())
                .build(), child);
        instances = new SecurityGroup(Names.INSTANCE_SECURITY_GROUP, SecurityGroupArgs.builder()
                .name(Names.INSTANCE_SECURITY_GROUP)
                .description("EveryElection instances: Gunicorn from ee-alb only")
                .vpcId(args.vpcId())
                .build(), child);

        new SecurityGroupIngressRule(name + "-alb-from-cloudfront", SecurityGroupIngressRuleArgs.builder()
                .securityGroupId(loadBalancer.id())
                .description("HTTPS from CloudFront origin-facing addresses")
                .ipProtocol("tcp").fromPort(ORIGIN_PORT).toPort(ORIGIN_PORT)
                .prefixListId(args.cloudFrontPrefixListId())
                .build(), child);
        new SecurityGroupEgressRule(name + "-alb-to-instances", SecurityGroupEgressRuleArgs.builder()
                .securityGroupId(loadBalancer.id())
                .description("Gunicorn on the instances")
                .ipProtocol("tcp").fromPort(AppDefaults.PORT).toPort(AppDefaults.PORT)
                .referencedSecurityGroupId(instances.id())
                .build(), child);
        new SecurityGroupIngressRule(name + "-instances-from-alb", SecurityGroupIngressRuleArgs.builder()
                .securityGroupId(instances.id())
                .description("Gunicorn from the load balancer")
                .ipProtocol("tcp").fromPort(AppDefaults.PORT).toPort(AppDefaults.PORT)
                .referencedSecurityGroupId(loadBalancer.id())
                .build(), child);
        // Instances fetch packages, the revision from GitHub and talk to AWS APIs.
        new SecurityGroupEgressRule(name + "-instances-to-internet", SecurityGroupEgressRuleArgs.builder()
                .securityGroupId(instances.id())
                .description("HTTPS and HTTP out: AWS APIs, GitHub, package mirrors")
                .ipProtocol("-1")
                .cidrIpv4("0.0.0.0/0")
                .build(), child);

        registerOutputs(java.util.Map.of("loadBalancerGroupId", loadBalancer.id(), "instanceGroupId", instances.id()));
    }

    public Output<String> loadBalancerGroupId() {
        return loadBalancer.id();
    }

    public Output<String> instanceGroupId() {
        return instances.id();
    }
}
