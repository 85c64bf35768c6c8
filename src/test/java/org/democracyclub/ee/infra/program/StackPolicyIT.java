package org.democracyclub.ee.infra.program;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.democracyclub.ee.infra.preview.OfflineBootstrap;
import org.democracyclub.ee.infra.policy.PolicyEngine;
import org.democracyclub.ee.infra.policy.PolicyInput;
import org.democracyclub.ee.infra.policy.PolicyReport;
import org.democracyclub.ee.infra.policy.StackFileConfig;
import org.democracyclub.ee.infra.preview.Fixture;
import org.democracyclub.ee.infra.preview.OfflineStack;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The policy rules pass on the project's own stacks, as declared from the real stack files. */
class StackPolicyIT {

    @ParameterizedTest
    @ValueSource(strings = {"development", "staging", "production"})
    void everyStackPassesEveryRule(String stack) {
        PolicyReport report = OfflineStack.policy(Stacks.PROJECT, Stacks.settings(stack), Stacks.run(stack));
        assertThat(report.violations()).as(report.render()).isEmpty();
        assertThat(report.summary()).contains("0 violations");
    }

    @ParameterizedTest
    @ValueSource(strings = {"development", "staging", "production"})
    void everyBootstrapStackPassesEveryRuleWithItsReasonedSuppressions(String stack) throws Exception {
        Path bootstrap = Path.of("bootstrap");
        var run = OfflineBootstrap.run(bootstrap, stack, Fixture.builtIn(), new ArrayList<>());
        assertThat(run.errors()).isEmpty();
        PolicyReport report = PolicyEngine.standard().evaluate(new PolicyInput(stack, run.resources(),
                run.stackOutputs(), StackFileConfig.read(bootstrap.resolve("Pulumi." + stack + ".yaml")),
                run.suppressions()));
        assertThat(report.violations()).as(report.render()).isEmpty();
        assertThat(report.suppressed()).isNotEmpty().allSatisfy(s -> assertThat(s.toString()).isNotBlank());
    }

    @ParameterizedTest
    @ValueSource(strings = {"development", "staging", "production"})
    void aFleetReplacedByCodeDeployStillPasses(String stack) {
        var run = Stacks.run(stack, Fixture.builtIn().withFleets(List.of("CodeDeploy_EEDefaultDeploymentGroup_d-ABCDEF123")));
        PolicyReport report = OfflineStack.policy(Stacks.PROJECT, Stacks.settings(stack), run);
        assertThat(report.violations()).as(report.render()).isEmpty();
    }
}
