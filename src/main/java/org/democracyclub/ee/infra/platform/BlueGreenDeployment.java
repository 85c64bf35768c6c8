package org.democracyclub.ee.infra.platform;

import com.pulumi.aws.codedeploy.Application;
import com.pulumi.aws.codedeploy.ApplicationArgs;
import com.pulumi.aws.codedeploy.DeploymentGroup;
import com.pulumi.aws.codedeploy.DeploymentGroupArgs;
import com.pulumi.aws.codedeploy.inputs.DeploymentGroupAutoRollbackConfigurationArgs;
import com.pulumi.aws.codedeploy.inputs.DeploymentGroupBlueGreenDeploymentConfigArgs;
import com.pulumi.aws.codedeploy.inputs.DeploymentGroupBlueGreenDeploymentConfigDeploymentReadyOptionArgs;
import com.pulumi.aws.codedeploy.inputs.DeploymentGroupBlueGreenDeploymentConfigGreenFleetProvisioningOptionArgs;
import com.pulumi.aws.codedeploy.inputs.DeploymentGroupBlueGreenDeploymentConfigTerminateBlueInstancesOnDeploymentSuccessArgs;
import com.pulumi.aws.codedeploy.inputs.DeploymentGroupDeploymentStyleArgs;
import com.pulumi.aws.codedeploy.inputs.DeploymentGroupLoadBalancerInfoArgs;
import com.pulumi.aws.codedeploy.inputs.DeploymentGroupLoadBalancerInfoTargetGroupInfoArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import java.util.List;
import java.util.Map;
import org.democracyclub.ee.infra.names.Names;
import org.democracyclub.ee.infra.settings.StackSettings;

/**
 * The CodeDeploy application {@code EECodeDeploy} and its blue/green deployment group: each
 * deployment copies the live fleet, installs the revision, moves the target group to the copy,
 * and terminates the old fleet after the configured wait. Failed deployments roll back.
 */
public final class BlueGreenDeployment extends ComponentResource {
    /** Traffic moves to all new instances at once once they are healthy. */
    static final String DEPLOYMENT_CONFIG = "CodeDeployDefault.AllAtOnce";
    static final List<String> ROLLBACK_EVENTS = List.of("DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_REQUEST");

    private final DeploymentGroup group;

    public BlueGreenDeployment(String name, StackSettings settings, SiteFacts facts, Roles roles,
                               LoadBalancing loadBalancing, ComponentResourceOptions options) {
        super("ee:platform:BlueGreenDeployment", name, options);
        var child = CustomResourceOptions.builder().parent(this).build();

        var application = new Application(Names.CODEDEPLOY_APPLICATION, ApplicationArgs.builder()
                .name(Names.CODEDEPLOY_APPLICATION)
                .computePlatform("Server")
                .build(), child);

        group = new DeploymentGroup(Names.DEPLOYMENT_GROUP, DeploymentGroupArgs.builder()
                .appName(application.name())
                .deploymentGroupName(Names.DEPLOYMENT_GROUP)
                .serviceRoleArn(roles.serviceRoleArn())
                .deploymentConfigName(DEPLOYMENT_CONFIG)
                .autoscalingGroups(List.of(facts.fleet().name()))
                .deploymentStyle(DeploymentGroupDeploymentStyleArgs.builder()
                        .deploymentType("BLUE_GREEN")
                        .deploymentOption("WITH_TRAFFIC_CONTROL")
                        .build())
                .blueGreenDeploymentConfig(DeploymentGroupBlueGreenDeploymentConfigArgs.builder()
                        .greenFleetProvisioningOption(
                                DeploymentGroupBlueGreenDeploymentConfigGreenFleetProvisioningOptionArgs.builder()
                                        .action("COPY_AUTO_SCALING_GROUP").build())
                        .deploymentReadyOption(
                                DeploymentGroupBlueGreenDeploymentConfigDeploymentReadyOptionArgs.builder()
                                        .actionOnTimeout("CONTINUE_DEPLOYMENT").build())
                        .terminateBlueInstancesOnDeploymentSuccess(
                                DeploymentGroupBlueGreenDeploymentConfigTerminateBlueInstancesOnDeploymentSuccessArgs
                                        .builder()
                                        .action("TERMINATE")
                                        .terminationWaitTimeInMinutes(settings.terminateOldFleetAfterMinutes())
                                        .build())
                        .build())
                .autoRollbackConfiguration(DeploymentGroupAutoRollbackConfigurationArgs.builder()
                        .enabled(true)
                        .events(ROLLBACK_EVENTS)
                        .build())
                .loadBalancerInfo(DeploymentGroupLoadBalancerInfoArgs.builder()
                        .targetGroupInfos(DeploymentGroupLoadBalancerInfoTargetGroupInfoArgs.builder()
                                .name(loadBalancing.targetGroupName()).build())
                        .build())
                .build(), CustomResourceOptions.builder()
                .parent(this)
                // CodeDeploy rewrites the group's fleet on every deployment; the program sets it
                // only when it creates the group and never puts a stale name back.
                .ignoreChanges("autoscalingGroups")
                .build());

        registerOutputs(Map.of("deploymentGroupName", group.deploymentGroupName()));
    }

    public Output<String> applicationName() {
        return group.appName();
    }

    public Output<String> deploymentGroupName() {
        return group.deploymentGroupName();
    }
}
