package org.democracyclub.ee.infra.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.democracyclub.ee.common.StackOutputs;
import org.democracyclub.ee.infra.policy.DeclaredResource;
import org.democracyclub.ee.infra.preview.Fixture;
import org.democracyclub.ee.infra.preview.OfflineRun;
import org.democracyclub.ee.infra.program.EveryElectionStack;
import org.democracyclub.ee.infra.program.Stacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The program stays correct however many deployments CodeDeploy has made (docs/adr/0001): who
 * owns the fleet follows from the account's Auto Scaling groups alone, the deployment group
 * names the live fleet on every run, and {@code pulumi up} is refused while a deployment is in
 * flight.
 */
class BlueGreenStateIT {
    private static final String GROUP = "aws:autoscaling/group:Group";
    private static final String DEPLOYMENT_GROUP = "aws:codedeploy/deploymentGroup:DeploymentGroup";
    private static final String COPY = "CodeDeploy_EEDefaultDeploymentGroup_d-ABCDEF123";
    private static final String NEXT = "CodeDeploy_EEDefaultDeploymentGroup_d-ZZZZZZZZZ";

    private static OfflineRun up(String stack, Fixture fixture) {
        var settings = Stacks.settings(stack);
        return OfflineRun.of("every-election", stack, settings.region(), fixture,
                (ctx, suppressions) -> EveryElectionStack.stack(ctx, settings, suppressions, true));
    }

    private static List<Object> deploymentGroupFleet(OfflineRun run) {
        @SuppressWarnings("unchecked")
        List<Object> fleet = (List<Object>) run.get(DEPLOYMENT_GROUP, "EEDefaultDeploymentGroup").at("autoscalingGroups");
        return fleet;
    }

    @ParameterizedTest
    @ValueSource(strings = {"development", "staging", "production"})
    void aFreshAccountGetsTheOriginalFleetBehindTheTargetGroupAndTheDeploymentGroupNamesIt(String stack) {
        OfflineRun run = Stacks.run(stack, Fixture.builtIn().withAutoScalingGroups(List.of(), null));
        DeclaredResource fleet = run.get(GROUP, "ee-asg");
        assertThat(fleet.at("targetGroupArns.0")).asString().contains("targetgroup/ee-alb-tg/");
        // The value comes from the group's own output: the deployment group is created after it.
        assertThat(deploymentGroupFleet(run)).containsExactly("ee-asg");
        assertThat(run.outputs()).containsEntry(StackOutputs.AUTO_SCALING_GROUP_NAME, "ee-asg");
        assertThat(up(stack, Fixture.builtIn()).errors()).isEmpty();
    }

    @Test
    void beforeTheFirstDeploymentTheProgramStillOwnsTheOriginalFleet() {
        OfflineRun run = up("staging", Fixture.builtIn().withAutoScalingGroups(List.of("ee-asg"), "ee-asg"));
        assertThat(run.errors()).isEmpty();
        assertThat(run.ofType(GROUP)).extracting(DeclaredResource::name).containsExactly("ee-asg");
    }

    @Test
    void theOriginalFleetIsForgottenNotDeletedWhenCodeDeployTakesOver() {
        DeclaredResource fleet = Stacks.run("staging", Fixture.builtIn()).get(GROUP, "ee-asg");
        assertThat(fleet.retainOnDelete()).isTrue();
        assertThat(fleet.ignoreChanges()).contains("desiredCapacity");
    }

    @ParameterizedTest
    @ValueSource(strings = {"development", "staging", "production"})
    void afterADeploymentTheProgramDeclaresNoFleetAndTheDeploymentGroupNamesTheLiveOne(String stack) {
        Fixture after = Fixture.builtIn().withAutoScalingGroups(List.of(COPY, "some-other-project-asg"), COPY);
        OfflineRun run = up(stack, after);
        assertThat(run.errors()).isEmpty();
        assertThat(run.ofType(GROUP)).isEmpty();
        assertThat(deploymentGroupFleet(run)).containsExactly(COPY);
        assertThat(run.outputs()).containsEntry(StackOutputs.AUTO_SCALING_GROUP_NAME, COPY);
    }

    @Test
    void theDeploymentGroupFleetIsDeclaredOnEveryRunNotIgnored() {
        for (var fixture : List.of(Fixture.builtIn(), Fixture.builtIn().withFleets(List.of(COPY)))) {
            DeclaredResource group = Stacks.run("production", fixture).get(DEPLOYMENT_GROUP, "EEDefaultDeploymentGroup");
            assertThat(group.ignoreChanges()).doesNotContain("autoscalingGroups");
        }
    }

    @Test
    void anUntaggedCodeDeployFleetInAFixtureFileDeclaresNoFleet(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("after-console-deployment.yaml");
        Files.writeString(file, """
                autoScalingGroups:                 # every Auto Scaling group in the region
                  - name: CodeDeploy_EEDefaultDeploymentGroup_d-ABC
                    tags: {}                       # no marker needed
                deploymentGroupFleet: CodeDeploy_EEDefaultDeploymentGroup_d-ABC
                """);
        OfflineRun run = up("production", Fixture.withOverrides(file));
        assertThat(run.errors()).isEmpty();
        assertThat(run.ofType(GROUP)).isEmpty();
        assertThat(deploymentGroupFleet(run)).containsExactly("CodeDeploy_EEDefaultDeploymentGroup_d-ABC");
    }

    @ParameterizedTest
    @ValueSource(strings = {"development", "staging", "production"})
    void midDeploymentPreviewRunsWithNoFleetDeclared(String stack) {
        OfflineRun run = Stacks.run(stack, Fixture.builtIn().withAutoScalingGroups(List.of(COPY, NEXT), COPY));
        assertThat(run.ofType(GROUP)).isEmpty();
        assertThat(deploymentGroupFleet(run)).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"development", "staging", "production"})
    void midDeploymentUpIsRefusedNamingTheDeploymentAndWhatToDo(String stack) {
        OfflineRun run = up(stack, Fixture.builtIn().withAutoScalingGroups(List.of(COPY, NEXT), COPY));
        assertThat(run.errors()).anySatisfy(error -> assertThat(error)
                .startsWith("pulumi up refused: a deployment of EECodeDeploy/EEDefaultDeploymentGroup is in flight")
                .contains("d-ABCDEF123", "d-ZZZZZZZZZ", "Wait for the deployment to end", "pulumi preview still runs"));
        assertThat(run.resources()).noneSatisfy(r -> assertThat(r.type()).startsWith("aws:"));
    }

    @Test
    void duringTheFirstDeploymentUpIsRefusedToo() {
        OfflineRun run = up("staging", Fixture.builtIn().withAutoScalingGroups(List.of("ee-asg", COPY), "ee-asg"));
        assertThat(run.errors()).anySatisfy(error -> assertThat(error).contains("is in flight (d-ABCDEF123)"));
        OfflineRun preview = Stacks.run("staging", Fixture.builtIn().withAutoScalingGroups(List.of("ee-asg", COPY), "ee-asg"));
        assertThat(deploymentGroupFleet(preview)).containsExactly("ee-asg");
    }

    @Test
    void aFixtureWhoseDeploymentGroupNamesAMissingGroupIsRefused() {
        assertThatThrownBy(() -> Fixture.builtIn().withAutoScalingGroups(List.of(COPY), NEXT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("deploymentGroupFleet '" + NEXT + "' is not one of autoScalingGroups");
    }
}
