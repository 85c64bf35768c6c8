package org.democracyclub.ee.infra.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.democracyclub.ee.common.StackOutputs;
import org.democracyclub.ee.infra.policy.DeclaredResource;
import org.democracyclub.ee.infra.preview.Fixture;
import org.democracyclub.ee.infra.preview.OfflineRun;
import org.democracyclub.ee.infra.program.Stacks;
import org.junit.jupiter.api.Test;

/**
 * The program stays correct however many deployments CodeDeploy has made (docs/adr/0001):
 * it creates the original fleet only in a fresh account, never a second fleet behind the
 * target group, and never writes a stale fleet into the deployment group.
 */
class BlueGreenStateIT {
    private static final String GROUP = "aws:autoscaling/group:Group";
    private static final String DEPLOYMENT_GROUP = "aws:codedeploy/deploymentGroup:DeploymentGroup";
    private static final String COPY = "CodeDeploy_EEDefaultDeploymentGroup_d-ABCDEF123";

    @Test
    void aFreshAccountGetsTheOriginalFleetBehindTheTargetGroup() {
        OfflineRun run = Stacks.run("staging", Fixture.builtIn().withFleets(List.of()));
        DeclaredResource fleet = run.get(GROUP, "ee-asg");
        assertThat(fleet.at("targetGroupArns.0")).asString().contains("targetgroup/ee-alb-tg/");
        assertThat(fleet.at("tags")).asString().contains("ee-deployment-group");
        assertThat(run.get(DEPLOYMENT_GROUP, "EEDefaultDeploymentGroup").at("autoscalingGroups"))
                .isEqualTo(List.of("ee-asg"));
        assertThat(run.outputs()).containsEntry(StackOutputs.AUTO_SCALING_GROUP_NAME, "ee-asg");
    }

    @Test
    void theOriginalFleetIsForgottenNotDeletedWhenCodeDeployTakesOver() {
        DeclaredResource fleet = Stacks.run("staging", Fixture.builtIn()).get(GROUP, "ee-asg");
        assertThat(fleet.retainOnDelete()).isTrue();
        assertThat(fleet.ignoreChanges()).contains("desiredCapacity");
    }

    @Test
    void onceCodeDeployHasReplacedTheFleetTheProgramDeclaresNoFleet() {
        OfflineRun run = Stacks.run("production", Fixture.builtIn().withFleets(List.of(COPY)));
        assertThat(run.ofType(GROUP)).isEmpty();
        assertThat(run.outputs()).containsEntry(StackOutputs.AUTO_SCALING_GROUP_NAME, COPY);
    }

    @Test
    void duringADeploymentBothFleetsExistAndStillNoFleetIsDeclared() {
        String next = "CodeDeploy_EEDefaultDeploymentGroup_d-ZZZZZZZZZ";
        OfflineRun run = Stacks.run("production", Fixture.builtIn().withFleets(List.of("ee-asg", COPY, next)));
        assertThat(run.ofType(GROUP)).isEmpty();
        assertThat(run.outputs()).containsEntry(StackOutputs.AUTO_SCALING_GROUP_NAME, next);
    }

    @Test
    void theDeploymentGroupNeverHasItsFleetOverwrittenByTheProgram() {
        for (var fixture : List.of(Fixture.builtIn(), Fixture.builtIn().withFleets(List.of(COPY)))) {
            DeclaredResource group = Stacks.run("production", fixture).get(DEPLOYMENT_GROUP, "EEDefaultDeploymentGroup");
            assertThat(group.ignoreChanges()).containsExactly("autoscalingGroups");
        }
    }

    @Test
    void aReplacedFleetIsNamedInTheDeploymentGroupIfItMustBeRecreated() {
        OfflineRun run = Stacks.run("production", Fixture.builtIn().withFleets(List.of(COPY)));
        assertThat(run.get(DEPLOYMENT_GROUP, "EEDefaultDeploymentGroup").at("autoscalingGroups"))
                .isEqualTo(List.of(COPY));
    }
}
