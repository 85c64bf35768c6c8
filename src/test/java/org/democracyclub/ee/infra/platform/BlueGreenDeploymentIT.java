package org.democracyclub.ee.infra.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.aws.autoscaling.Group;
import com.pulumi.aws.autoscaling.GroupArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.democracyclub.ee.common.CodeDeployNames;
import org.democracyclub.ee.infra.policy.DeclaredResource;
import org.democracyclub.ee.infra.preview.OfflineRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link BlueGreenDeployment} declared alone with its args. */
class BlueGreenDeploymentIT {
    private static final String DEPLOYMENT_GROUP = "aws:codedeploy/deploymentGroup:DeploymentGroup";
    private static final String SERVICE_ROLE = "arn:aws:iam::123456789012:role/service-test";
    private static OfflineRun run;

    private static BlueGreenDeployment.Args args(Optional<Group> originalFleet) {
        return new BlueGreenDeployment.Args(Output.of(SERVICE_ROLE), Output.of("tg-test"), 17,
                "CodeDeploy_EEDefaultDeploymentGroup_d-TEST", originalFleet);
    }

    @BeforeAll
    static void declare() {
        run = Alone.declare(options -> new BlueGreenDeployment("deploy", args(Optional.empty()), options));
    }

    private static DeclaredResource group(OfflineRun of) {
        return of.get(DEPLOYMENT_GROUP, CodeDeployNames.DEPLOYMENT_GROUP);
    }

    @Test
    void theGroupNamesTheLiveFleetOnceDeployed() {
        assertThat(group(run).at("autoscalingGroups")).isEqualTo(List.of("CodeDeploy_EEDefaultDeploymentGroup_d-TEST"));
    }

    @Test
    void inAFreshAccountTheGroupNamesTheOriginalFleet() {
        OfflineRun fresh = Alone.declare(options -> {
            var fleet = new Group("original-test", GroupArgs.builder().name("ee-asg-test").minSize(1).maxSize(1)
                    .build(), CustomResourceOptions.builder().build());
            new BlueGreenDeployment("deploy", args(Optional.of(fleet)), options);
        });
        assertThat(group(fresh).at("autoscalingGroups")).isEqualTo(List.of("ee-asg-test"));
    }

    @Test
    void deploymentsAreBlueGreenWithTrafficControl() {
        assertThat(group(run).at("deploymentStyle")).isEqualTo(Map.of(
                "deploymentType", "BLUE_GREEN", "deploymentOption", "WITH_TRAFFIC_CONTROL"));
        assertThat(group(run).at("blueGreenDeploymentConfig.greenFleetProvisioningOption.action"))
                .isEqualTo("COPY_AUTO_SCALING_GROUP");
    }

    @Test
    void theOldFleetIsTerminatedAfterTheGivenMinutes() {
        assertThat(group(run).at("blueGreenDeploymentConfig.terminateBlueInstancesOnDeploymentSuccess"))
                .isEqualTo(Map.of("action", "TERMINATE", "terminationWaitTimeInMinutes", 17.0));
    }

    @Test
    void failedAndStoppedDeploymentsRollBack() {
        assertThat(group(run).at("autoRollbackConfiguration.enabled")).isEqualTo(true);
        assertThat(group(run).at("autoRollbackConfiguration.events"))
                .isEqualTo(List.of("DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_REQUEST"));
    }

    @Test
    void codeDeployActsWithTheGivenRoleOnTheGivenTargetGroup() {
        assertThat(group(run).at("serviceRoleArn")).isEqualTo(SERVICE_ROLE);
        assertThat(group(run).at("loadBalancerInfo.targetGroupInfos.0.name")).isEqualTo("tg-test");
        assertThat(group(run).parentType()).isEqualTo(BlueGreenDeployment.TYPE);
    }
}
