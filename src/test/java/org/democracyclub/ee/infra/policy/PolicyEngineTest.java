package org.democracyclub.ee.infra.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.democracyclub.ee.infra.policy.Res.list;
import static org.democracyclub.ee.infra.policy.Res.obj;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PolicyEngineTest {

    @ParameterizedTest
    @ValueSource(strings = {"development", "staging", "production"})
    void aStackShapedLikeTheProgramPassesEveryRule(String environment) {
        PolicyReport report = TestStack.compliant(environment).evaluate();

        assertThat(report.violations()).isEmpty();
        assertThat(report.passed()).isTrue();
        assertThat(report.summary()).isEqualTo(report.rules().size() + " rules, 0 violations");
    }

    @Test
    void everyRuleHasAUniqueIdASeverityAndARationale() {
        List<Rule> rules = PolicyEngine.standard().rules();
        Set<String> ids = new HashSet<>();

        for (Rule rule : rules) {
            assertThat(ids.add(rule.id())).as("unique " + rule.id()).isTrue();
            assertThat(rule.id()).matches("EE-[A-Z0-9]+-[0-9]+");
            assertThat(rule.severity()).isNotNull();
            assertThat(rule.rationale()).isNotBlank().doesNotContain("\n");
        }
        assertThat(ids).contains("EE-EC2-1", "EE-NET-1", "EE-IAM-1", "EE-SUP-1", "EE-SUP-2");
    }

    @Test
    void deliberatelyWeakenedResourcesAreReportedWithTheirRuleIds() {
        TestStack stack = TestStack.compliant("production")
                .add(Res.of(Types.SECURITY_GROUP, "open-sg").set("ingress", list(obj("protocol", "tcp",
                        "fromPort", 22, "toPort", 22, "cidrBlocks", list("0.0.0.0/0")))))
                .edit("ee-launch-template", r -> r.set("metadataOptions.httpTokens", "optional")
                        .set("blockDeviceMappings", list(obj("deviceName", "/dev/xvda", "ebs", obj("encrypted", false)))))
                .add(Res.of(Types.IAM_ROLE_POLICY, "wildcard").set("policy",
                        "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"},"
                                + "{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"arn:aws:s3:::b\"}]}"));

        PolicyReport report = stack.evaluate();

        assertThat(report.passed()).isFalse();
        assertThat(report.violations())
                .extracting(Violation::ruleId, Violation::resourceName)
                .containsExactlyInAnyOrder(
                        tuple("EE-NET-1", "open-sg"),
                        tuple("EE-EC2-1", "ee-launch-template"),
                        tuple("EE-EC2-2", "ee-launch-template"),
                        tuple("EE-IAM-1", "wildcard"));
    }

    @Test
    void aSuppressionWithAReasonHidesTheViolationAndTheReportPrintsTheReason() {
        TestStack stack = TestStack.compliant("production")
                .edit("ee-alb", r -> r.set("enableDeletionProtection", false));
        stack.suppressions.suppress(Types.LOAD_BALANCER, "ee-alb", "EE-LB-2",
                "replaced in the cut-over on 2026-12-01; protection goes back on afterwards");

        PolicyReport report = stack.evaluate();

        assertThat(report.passed()).isTrue();
        assertThat(report.suppressed())
                .extracting(s -> s.violation().ruleId(), s -> s.suppression().reason())
                .containsExactly(tuple("EE-LB-2",
                        "replaced in the cut-over on 2026-12-01; protection goes back on afterwards"));
        assertThat(report.summary()).endsWith("rules, 0 violations (1 suppressed)");
        assertThat(report.render()).contains(
                "Suppressed:\n  EE-LB-2  aws:lb/loadBalancer:LoadBalancer  ee-alb\n"
                        + "      reason:  replaced in the cut-over on 2026-12-01; protection goes back on afterwards\n");
    }

    @Test
    void aSuppressionOnlyCoversItsOwnRuleAndResource() {
        TestStack stack = TestStack.compliant("production")
                .edit("ee-alb", r -> r.set("enableDeletionProtection", false).set("dropInvalidHeaderFields", false));
        stack.suppressions.suppress(Types.LOAD_BALANCER, "ee-alb", "EE-LB-2", "temporary");
        stack.suppressions.suppress(Types.LOAD_BALANCER, "another-alb", "EE-LB-1", "wrong resource");

        PolicyReport report = stack.evaluate();

        assertThat(report.violations()).extracting(Violation::ruleId).containsExactly("EE-LB-1");
        assertThat(report.unused()).extracting(Suppression::resourceName).containsExactly("another-alb");
    }

    @Test
    void aSuppressionWithABlankReasonIsAViolationAndSuppressesNothing() {
        TestStack stack = TestStack.compliant("production")
                .edit("ee-alb", r -> r.set("enableDeletionProtection", false));
        stack.suppressions.suppress(Types.LOAD_BALANCER, "ee-alb", "EE-LB-2", "  ");

        PolicyReport report = stack.evaluate();

        assertThat(report.passed()).isFalse();
        assertThat(report.suppressed()).isEmpty();
        assertThat(report.violations())
                .extracting(Violation::ruleId, Violation::resourceName)
                .containsExactly(tuple("EE-LB-2", "ee-alb"), tuple("EE-SUP-1", "ee-alb"));
    }

    @Test
    void aSuppressionNamingAnUnknownRuleIsAnError() {
        TestStack stack = TestStack.compliant("staging");
        stack.suppressions.suppress(Types.LOAD_BALANCER, "ee-alb", "EE-LB-99", "typo");

        PolicyReport report = stack.evaluate();

        assertThat(report.violations())
                .extracting(Violation::ruleId, Violation::severity, Violation::problem)
                .containsExactly(tuple("EE-SUP-2", Severity.ERROR, "suppression names unknown rule 'EE-LB-99'"));
    }

    @Test
    void theSuppressionRulesThemselvesCannotBeSuppressed() {
        TestStack stack = TestStack.compliant("staging");
        stack.suppressions.suppress(Types.LOAD_BALANCER, "ee-alb", "EE-LB-1", "");
        stack.suppressions.suppress(Types.LOAD_BALANCER, "ee-alb", "EE-SUP-1", "please");

        assertThat(stack.evaluate().violations())
                .extracting(Violation::ruleId).containsExactly("EE-SUP-1", "EE-SUP-2");
    }

    @Test
    void theReportListsEachViolationWithItsFixErrorsFirst() {
        TestStack stack = TestStack.compliant("development")
                .edit("ee-distribution", r -> r.set("defaultCacheBehavior.compress", false))
                .edit("ee-launch-template", r -> r.set("metadataOptions.httpTokens", "optional"));

        PolicyReport report = stack.evaluate();
        int rules = report.rules().size();

        assertThat(report.render()).isEqualTo(
                "Policy (development): " + rules + " rules, 2 violations\n"
                        + "  ERROR EE-EC2-1  aws:ec2/launchTemplate:LaunchTemplate  ee-launch-template\n"
                        + "      problem: metadataOptions.httpTokens is optional, so IMDSv1 is allowed\n"
                        + "      fix:     set metadataOptions.httpTokens to \"required\"\n"
                        + "  WARNING EE-CF-4  aws:cloudfront/distribution:Distribution  ee-distribution\n"
                        + "      problem: defaultCacheBehavior does not compress\n"
                        + "      fix:     set compress to true on defaultCacheBehavior\n");
    }

    @Test
    void theReportAsJsonCarriesViolationsAndSuppressionsForTools() throws Exception {
        TestStack stack = TestStack.compliant("production")
                .edit("ee-alb", r -> r.set("enableDeletionProtection", false))
                .edit("ee-launch-template", r -> r.set("metadataOptions.httpTokens", "optional"));
        stack.suppressions.suppress(Types.LOAD_BALANCER, "ee-alb", "EE-LB-2", "cut-over");

        String json = new ObjectMapper().writeValueAsString(stack.evaluate().toMap());

        assertThat(json)
                .contains("\"passed\":false")
                .contains("{\"ruleId\":\"EE-EC2-1\",\"severity\":\"error\",\"resourceType\":"
                        + "\"aws:ec2/launchTemplate:LaunchTemplate\",\"resourceName\":\"ee-launch-template\"")
                .contains("\"suppressed\":[{\"ruleId\":\"EE-LB-2\",\"resourceType\":"
                        + "\"aws:lb/loadBalancer:LoadBalancer\",\"resourceName\":\"ee-alb\",\"reason\":\"cut-over\"}]");
    }

    @Test
    void aWarningFailsTheCheckLikeAnError() {
        TestStack stack = TestStack.compliant("development")
                .edit("ee-distribution", r -> r.set("defaultCacheBehavior.compress", false));

        assertThat(stack.evaluate().passed()).isFalse();
    }

    @Test
    void twoRulesWithTheSameIdAreRefused() {
        assertThatThrownBy(() -> new PolicyEngine(List.of(Ec2Rules.imdsV2Required(), Ec2Rules.imdsV2Required())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("two rules share the ID EE-EC2-1");
    }

    @Test
    void anUnknownEnvironmentIsRefused() {
        assertThatThrownBy(() -> new PolicyInput("prod", List.of(), List.of(), List.of()))
                .hasMessageContaining("got 'prod'");
    }
}
