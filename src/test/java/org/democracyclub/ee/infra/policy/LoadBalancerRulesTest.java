package org.democracyclub.ee.infra.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

class LoadBalancerRulesTest {

    @Test
    void aLoadBalancerDroppingInvalidHeadersPasses() {
        assertThat(TestStack.compliant("development").check(LoadBalancerRules.dropsInvalidHeaders())).isEmpty();
    }

    @Test
    void aLoadBalancerKeepingInvalidHeadersIsCaught() {
        TestStack stack = TestStack.compliant("development")
                .edit("ee-alb", r -> r.remove("dropInvalidHeaderFields"));

        assertThat(stack.check(LoadBalancerRules.dropsInvalidHeaders()))
                .extracting(Violation::ruleId, Violation::resourceName)
                .containsExactly(tuple("EE-LB-1", "ee-alb"));
    }

    @Test
    void deletionProtectionIsOnlyRequiredInProduction() {
        TestStack staging = TestStack.compliant("staging")
                .edit("ee-alb", r -> r.set("enableDeletionProtection", false));

        assertThat(staging.check(LoadBalancerRules.deletionProtectionInProduction())).isEmpty();
    }

    @Test
    void aProductionLoadBalancerWithoutDeletionProtectionIsCaught() {
        TestStack production = TestStack.compliant("production")
                .edit("ee-alb", r -> r.set("enableDeletionProtection", false));

        assertThat(production.check(LoadBalancerRules.deletionProtectionInProduction()))
                .extracting(Violation::ruleId, Violation::resourceName)
                .containsExactly(tuple("EE-LB-2", "ee-alb"));
    }

    @Test
    void aTargetGroupWithAnHttpHealthCheckPasses() {
        assertThat(TestStack.compliant("production").check(LoadBalancerRules.targetGroupHealthCheck())).isEmpty();
    }

    @Test
    void aDisabledHealthCheckIsCaught() {
        TestStack stack = TestStack.compliant("production")
                .edit("ee-alb-tg", r -> r.set("healthCheck.enabled", false));

        assertThat(stack.check(LoadBalancerRules.targetGroupHealthCheck()))
                .extracting(Violation::ruleId, Violation::problem)
                .containsExactly(tuple("EE-LB-3", "healthCheck.enabled is false"));
    }

    @Test
    void aHealthCheckWithoutPathIsCaught() {
        TestStack stack = TestStack.compliant("production").edit("ee-alb-tg", r -> r.remove("healthCheck"));

        assertThat(stack.check(LoadBalancerRules.targetGroupHealthCheck()))
                .extracting(Violation::ruleId, Violation::problem)
                .containsExactly(tuple("EE-LB-3", "healthCheck.path is not set"));
    }

    @Test
    void anHttpsListenerWithAModernPolicyAndAnHttpListenerThatOnlyRedirectsPass() {
        assertThat(TestStack.compliant("production").check(LoadBalancerRules.listenersUseHttps())).isEmpty();
    }

    @Test
    void anHttpListenerThatForwardsIsCaught() {
        TestStack stack = TestStack.compliant("production").edit("ee-alb-http", r -> r.set("defaultActions",
                Res.list(Res.obj("type", "forward", "targetGroupArn", "ee-alb-tg-arn"))));

        assertThat(stack.check(LoadBalancerRules.listenersUseHttps()))
                .extracting(Violation::ruleId, Violation::resourceName, Violation::problem)
                .containsExactly(tuple("EE-LB-4", "ee-alb-http", "a HTTP listener on port 80 has a forward action"));
    }

    @Test
    void anHttpsListenerAllowingTls10IsCaught() {
        TestStack stack = TestStack.compliant("production")
                .edit("ee-alb-listener", r -> r.set("sslPolicy", "ELBSecurityPolicy-TLS13-1-0-2021-06"));

        assertThat(stack.check(LoadBalancerRules.listenersUseHttps()))
                .extracting(Violation::ruleId, Violation::problem)
                .containsExactly(tuple("EE-LB-4", "sslPolicy is ELBSecurityPolicy-TLS13-1-0-2021-06"));
    }

    @Test
    void anHttpsListenerWithTheDefaultPolicyIsCaught() {
        TestStack stack = TestStack.compliant("production").edit("ee-alb-listener", r -> r.remove("sslPolicy"));

        assertThat(stack.check(LoadBalancerRules.listenersUseHttps())).extracting(Violation::ruleId)
                .containsExactly("EE-LB-4");
    }
}
