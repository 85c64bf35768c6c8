package org.democracyclub.ee.infra.platform;

import com.pulumi.aws.lb.Listener;
import com.pulumi.aws.lb.ListenerArgs;
import com.pulumi.aws.lb.ListenerRule;
import com.pulumi.aws.lb.ListenerRuleArgs;
import com.pulumi.aws.lb.LoadBalancer;
import com.pulumi.aws.lb.LoadBalancerArgs;
import com.pulumi.aws.lb.TargetGroup;
import com.pulumi.aws.lb.TargetGroupArgs;
import com.pulumi.aws.lb.inputs.ListenerDefaultActionArgs;
import com.pulumi.aws.lb.inputs.ListenerDefaultActionFixedResponseArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleActionArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleConditionArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleConditionHttpHeaderArgs;
import com.pulumi.aws.lb.inputs.TargetGroupHealthCheckArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import java.util.List;
import java.util.Map;
import org.democracyclub.ee.infra.names.Names;
import org.democracyclub.ee.infra.settings.Environment;
import org.democracyclub.ee.infra.settings.StackSettings;

/**
 * The internet-facing Application Load Balancer {@code ee-alb}, its target group
 * {@code ee-alb-tg} on the application port, and an HTTP listener that forwards only requests
 * carrying CloudFront's secret origin header and answers 403 to everything else.
 */
public final class LoadBalancing extends ComponentResource {
    /** Seconds the load balancer drains an instance: the old fleet goes quickly in blue/green. */
    static final int DEREGISTRATION_DELAY_SECONDS = 5;

    private final LoadBalancer loadBalancer;
    private final TargetGroup targetGroup;

    public LoadBalancing(String name, StackSettings settings, SiteFacts facts, SecurityGroups groups,
                         ComponentResourceOptions options) {
        super("ee:platform:LoadBalancing", name, options);
        var child = CustomResourceOptions.builder().parent(this).build();
        var health = settings.healthCheck();

        loadBalancer = new LoadBalancer(Names.LOAD_BALANCER, LoadBalancerArgs.builder()
                .name(Names.LOAD_BALANCER)
                .loadBalancerType("application")
                .internal(false)
                .subnets(facts.subnetIds())
                .securityGroups(groups.loadBalancerGroupId().applyValue(List::of))
                .dropInvalidHeaderFields(true)
                .enableDeletionProtection(settings.environment() == Environment.PRODUCTION)
                .build(), child);

        targetGroup = new TargetGroup(Names.TARGET_GROUP, TargetGroupArgs.builder()
                .name(Names.TARGET_GROUP)
                .port(Application.PORT)
                .protocol("HTTP")
                .targetType("instance")
                .vpcId(facts.vpcId())
                .deregistrationDelay(DEREGISTRATION_DELAY_SECONDS)
                .healthCheck(TargetGroupHealthCheckArgs.builder()
                        .enabled(true)
                        .path(Application.HEALTH_CHECK_PATH)
                        .port("traffic-port")
                        .protocol("HTTP")
                        .matcher("200")
                        .interval(health.intervalSeconds())
                        .timeout(health.timeoutSeconds())
                        .healthyThreshold(health.healthyThreshold())
                        .unhealthyThreshold(health.unhealthyThreshold())
                        .build())
                .build(), child);

        var listener = new Listener(name + "-http", ListenerArgs.builder()
                .loadBalancerArn(loadBalancer.arn())
                .port(SecurityGroups.ORIGIN_PORT)
                .protocol("HTTP")
                .defaultActions(ListenerDefaultActionArgs.builder()
                        .type("fixed-response")
                        .fixedResponse(ListenerDefaultActionFixedResponseArgs.builder()
                                .statusCode("403").contentType("text/plain").messageBody("Forbidden").build())
                        .build())
                .build(), child);

        new ListenerRule(name + "-from-cloudfront", ListenerRuleArgs.builder()
                .listenerArn(listener.arn())
                .priority(1)
                .conditions(ListenerRuleConditionArgs.builder()
                        .httpHeader(ListenerRuleConditionHttpHeaderArgs.builder()
                                .httpHeaderName(Application.ORIGIN_VERIFY_HEADER)
                                .values(Output.ofSecret(settings.originVerifySecret().value())
                                        .applyValue(List::of))
                                .build())
                        .build())
                .actions(ListenerRuleActionArgs.builder()
                        .type("forward")
                        .targetGroupArn(targetGroup.arn())
                        .build())
                .build(), child);

        registerOutputs(Map.of("loadBalancerDnsName", loadBalancer.dnsName(), "targetGroupArn", targetGroup.arn()));
    }

    public Output<String> dnsName() {
        return loadBalancer.dnsName();
    }

    public Output<String> targetGroupArn() {
        return targetGroup.arn();
    }

    public Output<String> targetGroupName() {
        return targetGroup.name();
    }
}
