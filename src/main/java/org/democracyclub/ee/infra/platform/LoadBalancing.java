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
import com.pulumi.aws.lb.inputs.ListenerDefaultActionRedirectArgs;
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
import java.util.Objects;
import org.democracyclub.ee.common.AppDefaults;
import org.democracyclub.ee.infra.names.Names;
import org.democracyclub.ee.infra.settings.StackSettings;

/**
 * The internet-facing Application Load Balancer {@code ee-alb}, its target group
 * {@code ee-alb-tg} on the application port, and an HTTPS listener that forwards only requests
 * carrying CloudFront's secret origin header and answers 403 to everything else.
 */
public final class LoadBalancing extends ComponentResource {
    /** Seconds the load balancer drains an instance: the old fleet goes quickly in blue/green. */
    static final int DEREGISTRATION_DELAY_SECONDS = 5;
    /** TLS 1.3 and 1.2 with forward-secret ciphers only: the policy AWS recommends for HTTPS listeners. */
    public static final String TLS_POLICY = "ELBSecurityPolicy-TLS13-1-2-2021-06";
    static final int HTTP_PORT = 80;

    public static final String TYPE = "ee:platform:LoadBalancing";

    private final LoadBalancer loadBalancer;
    private final TargetGroup targetGroup;
    private final Listener httpsListener;
    private final ListenerRule fromCloudFront;

    /**
     * Inputs of {@link LoadBalancing}; the AWS provider comes in the component's options.
     *
     * @param vpcId                 the VPC of the target group (the platform's VPC)
     * @param subnetIds             the subnets the load balancer is in, one per availability zone
     * @param securityGroupId       the load balancer's security group ({@link SecurityGroups#loadBalancerGroupId})
     * @param originCertificateArn  the issued regional certificate of the origin host
     *                              ({@link SiteCertificates#originCertificateArn})
     * @param healthCheck           the target group's health check timings (the stack's settings)
     * @param deletionProtection    whether AWS refuses to delete the load balancer (production only)
     * @param acceptedOriginSecrets the origin header values the listener forwards on: the current
     *                              one, and the retiring one during a rotation
     */
    public record Args(String vpcId, List<String> subnetIds, Output<String> securityGroupId,
                       Output<String> originCertificateArn, StackSettings.HealthCheck healthCheck,
                       boolean deletionProtection, List<String> acceptedOriginSecrets) {
        public Args {
            Objects.requireNonNull(vpcId, "vpcId");
            Objects.requireNonNull(securityGroupId, "securityGroupId");
            Objects.requireNonNull(originCertificateArn, "originCertificateArn");
            Objects.requireNonNull(healthCheck, "healthCheck");
            subnetIds = List.copyOf(subnetIds);
            acceptedOriginSecrets = List.copyOf(acceptedOriginSecrets);
            if (acceptedOriginSecrets.isEmpty()) {
                throw new IllegalArgumentException("the listener needs at least one accepted origin secret");
            }
        }
    }

    public LoadBalancing(String name, Args args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var child = CustomResourceOptions.builder().parent(this).build();
        var health = args.healthCheck();

        loadBalancer = new LoadBalancer(Names.LOAD_BALANCER, LoadBalancerArgs.builder()
                .name(Names.LOAD_BALANCER)
                .loadBalancerType("application")
                .internal(false)
                .subnets(args.subnetIds())
                .securityGroups(args.securityGroupId().applyValue(List::of))
                .dropInvalidHeaderFields(true)
                .enableDeletionProtection(args.deletionProtection())
                .build(), child);

        targetGroup = new TargetGroup(Names.TARGET_GROUP, TargetGroupArgs.builder()
                .name(Names.TARGET_GROUP)
                .port(AppDefaults.PORT)
                .protocol("HTTP")
                .targetType("instance")
                .vpcId(args.vpcId())
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

        // CloudFront connects to origin.<FQDN> over HTTPS; TLS 1.2 or 1.3 only.
        var https = new Listener(name + "-https", ListenerArgs.builder()
                .loadBalancerArn(loadBalancer.arn())
                .port(SecurityGroups.ORIGIN_PORT)
                .protocol("HTTPS")
                .sslPolicy(TLS_POLICY)
                .certificateArn(args.originCertificateArn())
                .defaultActions(ListenerDefaultActionArgs.builder()
                        .type("fixed-response")
                        .fixedResponse(ListenerDefaultActionFixedResponseArgs.builder()
                                .statusCode("403").contentType("text/plain").messageBody("Forbidden").build())
                        .build())
                .build(), child);
        httpsListener = https;

        // Forwards only what carries the origin secret. During a rotation both the new and the
        // retiring value match (a header condition matches any of its values), so there is no
        // moment when CloudFront's requests meet a 403.
        fromCloudFront = new ListenerRule(name + "-from-cloudfront", ListenerRuleArgs.builder()
                .listenerArn(https.arn())
                .priority(1)
                .conditions(ListenerRuleConditionArgs.builder()
                        .httpHeader(ListenerRuleConditionHttpHeaderArgs.builder()
                                .httpHeaderName(Application.ORIGIN_VERIFY_HEADER)
                                .values(Output.ofSecret(args.acceptedOriginSecrets()))
                                .build())
                        .build())
                .actions(ListenerRuleActionArgs.builder()
                        .type("forward")
                        .targetGroupArn(targetGroup.arn())
                        .build())
                .build(), child);

        // Port 80 only redirects to HTTPS. It is kept, not removed, so the old system's port-80
        // listener can be imported under this name and changed in place (an ALB has one listener
        // per port); the security group no longer admits port 80, so nothing reaches it.
        new Listener(name + "-http", ListenerArgs.builder()
                .loadBalancerArn(loadBalancer.arn())
                .port(HTTP_PORT)
                .protocol("HTTP")
                .defaultActions(ListenerDefaultActionArgs.builder()
                        .type("redirect")
                        .redirect(ListenerDefaultActionRedirectArgs.builder()
                                .protocol("HTTPS").port(String.valueOf(SecurityGroups.ORIGIN_PORT))
                                .statusCode("HTTP_301").build())
                        .build())
                .build(), child);

        registerOutputs(Map.of("loadBalancerDnsName", loadBalancer.dnsName(), "targetGroupArn", targetGroup.arn()));
    }

    public Output<String> dnsName() {
        return loadBalancer.dnsName();
    }

    /** The load balancer's Route 53 zone, for alias records. */
    public Output<String> zoneId() {
        return loadBalancer.zoneId();
    }

    public Output<String> targetGroupArn() {
        return targetGroup.arn();
    }

    /** The listener CloudFront's requests arrive on; the distribution waits for it. */
    public Listener httpsListener() {
        return httpsListener;
    }

    /**
     * The rule that forwards requests carrying the origin secret. The distribution depends on
     * it, so in a rotation the rule accepts the new value before CloudFront starts sending it.
     */
    public ListenerRule originSecretRule() {
        return fromCloudFront;
    }

    /** The load balancer's ARN: its CloudWatch metrics (alarms) are keyed by its suffix. */
    public Output<String> loadBalancerArn() {
        return loadBalancer.arn();
    }

    public Output<String> targetGroupName() {
        return targetGroup.name();
    }
}
