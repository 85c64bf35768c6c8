package org.democracyclub.ee.infra.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.core.Output;
import java.util.List;
import org.democracyclub.ee.common.AppDefaults;
import org.democracyclub.ee.infra.names.Names;
import org.democracyclub.ee.infra.policy.DeclaredResource;
import org.democracyclub.ee.infra.preview.OfflineRun;
import org.democracyclub.ee.infra.settings.StackSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link LoadBalancing} declared alone with its args (sibling outputs given as plain values). */
class LoadBalancingIT {
    private static final String LOAD_BALANCER = "aws:lb/loadBalancer:LoadBalancer";
    private static final String TARGET_GROUP = "aws:lb/targetGroup:TargetGroup";
    private static final String LISTENER = "aws:lb/listener:Listener";
    private static final String RULE = "aws:lb/listenerRule:ListenerRule";
    private static final List<String> SUBNETS = List.of("subnet-a", "subnet-b");
    private static final String CERTIFICATE = "arn:aws:acm:eu-west-2:123456789012:certificate/origin-test";
    private static final List<String> SECRETS = List.of("new-secret", "retiring-secret");
    private static OfflineRun run;

    @BeforeAll
    static void declare() {
        run = Alone.declare(options -> new LoadBalancing("lb", new LoadBalancing.Args("vpc-test", SUBNETS,
                Output.of("sg-test"), Output.of(CERTIFICATE), new StackSettings.HealthCheck(15, 6, 2, 4), true,
                SECRETS), options));
    }

    @Test
    void theLoadBalancerIsInTheGivenSubnetsBehindTheGivenGroup() {
        DeclaredResource lb = run.get(LOAD_BALANCER, Names.LOAD_BALANCER);
        assertThat(lb.at("subnets")).isEqualTo(SUBNETS);
        assertThat(lb.at("securityGroups")).isEqualTo(List.of("sg-test"));
        assertThat(lb.at("dropInvalidHeaderFields")).isEqualTo(true);
    }

    @Test
    void deletionProtectionFollowsTheArgs() {
        assertThat(run.get(LOAD_BALANCER, Names.LOAD_BALANCER).at("enableDeletionProtection")).isEqualTo(true);
    }

    @Test
    void theHttpsListenerServesTheOriginCertificateAndRefusesByDefault() {
        DeclaredResource https = run.get(LISTENER, "lb-https");
        assertThat(https.at("certificateArn")).isEqualTo(CERTIFICATE);
        assertThat(https.at("sslPolicy")).isEqualTo(LoadBalancing.TLS_POLICY);
        assertThat(https.at("defaultActions.0.fixedResponse.statusCode")).isEqualTo("403");
    }

    @Test
    void theRuleForwardsRequestsCarryingAnyAcceptedSecret() {
        DeclaredResource rule = run.get(RULE, "lb-from-cloudfront");
        assertThat(rule.at("conditions.0.httpHeader.httpHeaderName")).isEqualTo(Application.ORIGIN_VERIFY_HEADER);
        assertThat(rule.at("conditions.0.httpHeader.values")).isEqualTo(SECRETS);
        assertThat(rule.at("actions.0.type")).isEqualTo("forward");
    }

    @Test
    void portEightyOnlyRedirectsToHttps() {
        DeclaredResource http = run.get(LISTENER, "lb-http");
        assertThat(http.at("defaultActions.0.type")).isEqualTo("redirect");
        assertThat(http.at("defaultActions.0.redirect.statusCode")).isEqualTo("HTTP_301");
        assertThat(http.at("defaultActions.0.redirect.port")).isEqualTo("443");
    }

    @Test
    void theTargetGroupHealthChecksWithTheGivenTimings() {
        DeclaredResource group = run.get(TARGET_GROUP, Names.TARGET_GROUP);
        assertThat(group.at("vpcId")).isEqualTo("vpc-test");
        assertThat(group.at("port")).isEqualTo((double) AppDefaults.PORT);
        assertThat(List.of(group.at("healthCheck.interval"), group.at("healthCheck.timeout"),
                group.at("healthCheck.healthyThreshold"), group.at("healthCheck.unhealthyThreshold")))
                .containsExactly(15.0, 6.0, 2.0, 4.0);
    }

    @Test
    void everyChildIsParentedToTheComponent() {
        assertThat(run.resources()).filteredOn(r -> !r.isComponent() && !r.type().startsWith("pulumi:providers:"))
                .hasSize(5).allSatisfy(r -> assertThat(r.parentType()).isEqualTo(LoadBalancing.TYPE));
    }
}
