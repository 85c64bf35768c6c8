package org.democracyclub.ee.infra.platform;

import com.pulumi.aws.autoscaling.Group;
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
import java.util.Objects;
import java.util.Optional;
import org.democracyclub.ee.common.CodeDeployNames;

/**
 * The CodeDeploy application {@code EECodeDeploy} and its blue/green deployment group: each
 * deployment copies the live fleet, installs the revision, moves the target group to the copy,
 * and terminates the old fleet after the configured wait. Failed deployments roll back.
 */
public final class BlueGreenDeployment extends ComponentResource {
    /** Traffic moves to all new instances at once once they are healthy. */
    static final String DEPLOYMENT_CONFIG = "CodeDeployDefault.AllAtOnce";
    static final List<String> ROLLBACK_EVENTS = List.of("DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_REQUEST");

    public static final String TYPE = "ee:platform:BlueGreenDeployment";

    private final DeploymentGroup group;

    /**
     * Inputs of {@link BlueGreenDeployment}; the AWS provider comes in the component's options.
     *
     * @param serviceRoleArn                the role CodeDeploy acts with ({@link Roles#serviceRoleArn})
     * @param targetGroupName               the target group CodeDeploy moves to each new fleet
     *                                      ({@link LoadBalancing#targetGroupName})
     * @param terminateOldFleetAfterMinutes how long CodeDeploy keeps the old fleet after a deployment
     * @param liveFleetName                 the Auto Scaling group that serves the site now
     *                                      ({@link LiveFleet#name}); used unless {@code originalFleet} is set
     * @param originalFleet                 the fleet the program declares in a fresh account
     *                                      ({@link WebFleet#originalFleet}); empty (the default
     *                                      once deployed): the live fleet by name
     */
    public record Args(Output<String> serviceRoleArn, Output<String> targetGroupName,
                       int terminateOldFleetAfterMinutes, String liveFleetName, Optional<Group> originalFleet) {
        public Args {
            Objects.requireNonNull(serviceRoleArn, "serviceRoleArn");
            Objects.requireNonNull(targetGroupName, "targetGroupName");
            Objects.requireNonNull(liveFleetName, "liveFleetName");
            Objects.requireNonNull(originalFleet, "originalFleet");
        }
    }

    public BlueGreenDeployment(String name, Args args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var child = CustomResourceOptions.builder().parent(this).build();
        var originalFleet = args.originalFleet();

        var application = new Application(CodeDeployNames.APPLICATION, ApplicationArgs.builder()
                .name(CodeDeployNames.APPLICATION)
                .computePlatform("Server")
                .build(), child);

        group = new DeploymentGroup(CodeDeployNames.DEPLOYMENT_GROUP, DeploymentGroupArgs.builder()
                .appName(application.name())
                .deploymentGroupName(CodeDeployNames.DEPLOYMENT_GROUP)
                .serviceRoleArn(args.serviceRoleArn())
                .deploymentConfigName(DEPLOYMENT_CONFIG)
                .autoscalingGroups(fleet(args.liveFleetName(), originalFleet))
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
                                        .terminationWaitTimeInMinutes(args.terminateOldFleetAfterMinutes())
                                        .build())
                        .build())
                .autoRollbackConfiguration(DeploymentGroupAutoRollbackConfigurationArgs.builder()
                        .enabled(true)
                        .events(ROLLBACK_EVENTS)
                        .build())
                .loadBalancerInfo(DeploymentGroupLoadBalancerInfoArgs.builder()
                        .targetGroupInfos(DeploymentGroupLoadBalancerInfoTargetGroupInfoArgs.builder()
                                .name(args.targetGroupName()).build())
                        .build())
                .build(), CustomResourceOptions.builder()
                .parent(this)
                // In a fresh account the group is created after the fleet it names.
                .dependsOn(originalFleet.<List<com.pulumi.resources.Resource>>map(List::of).orElse(List.of()))
                .build());

        registerOutputs(Map.of("deploymentGroupName", group.deploymentGroupName()));
    }

    /**
     * The deployment group's fleet: on every run the one that is live now, never a name from the
     * program's state. terraform-provider-aws (internal/service/deploy/deployment_group.go,
     * resourceDeploymentGroupUpdate) sends {@code AutoScalingGroups} to UpdateDeploymentGroup
     * whenever {@code blue_green_deployment_config} changes, taking the planned value; with
     * {@code ignoreChanges} that planned value is the stale one from state, which would put a
     * deleted group back. Declaring the live fleet makes the planned value right. In a fresh
     * account it comes from the original group's own output, so the group exists first.
     */
    static Output<List<String>> fleet(String liveFleetName, Optional<Group> originalFleet) {
        return originalFleet.map(group -> group.name().applyValue(List::of))
                .orElse(Output.of(List.of(liveFleetName)));
    }

    public Output<String> applicationName() {
        return group.appName();
    }

    public Output<String> deploymentGroupName() {
        return group.deploymentGroupName();
    }
}
