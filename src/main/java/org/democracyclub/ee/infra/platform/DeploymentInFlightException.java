package org.democracyclub.ee.infra.platform;

import java.util.List;
import java.util.stream.Collectors;
import org.democracyclub.ee.common.CodeDeployNames;
import org.democracyclub.ee.infra.names.Names;

/**
 * {@code pulumi up} refused because a blue/green deployment is in flight: its replacement fleet
 * exists next to the live one. Changing the deployment group, the launch template or the fleet
 * now would race CodeDeploy (which rewrites the deployment group's fleet when it reroutes), so
 * the program stops before declaring anything. {@code pulumi preview} still runs: it shows what
 * {@code up} would do once the deployment has ended, with no fleet declared.
 */
public final class DeploymentInFlightException extends RuntimeException {

    public DeploymentInFlightException(LiveFleet fleet) {
        super(message(fleet));
    }

    static String message(LiveFleet fleet) {
        List<String> deployments = fleet.candidates().stream()
                .filter(name -> name.startsWith(Names.CODEDEPLOY_FLEET_PREFIX))
                .map(name -> name.substring(Names.CODEDEPLOY_FLEET_PREFIX.length()))
                .toList();
        String groups = String.join(", ", fleet.candidates());
        return "pulumi up refused: a deployment of " + CodeDeployNames.APPLICATION + "/" + CodeDeployNames.DEPLOYMENT_GROUP
                + " is in flight (" + deployments.stream().collect(Collectors.joining(", "))
                + "): the Auto Scaling groups " + groups + " all exist, so CodeDeploy is between the live fleet and its"
                + " replacement. Wait for the deployment to end (java -jar target/ee-deployer.jar status, or aws deploy"
                + " list-deployments --application-name " + CodeDeployNames.APPLICATION + " --deployment-group-name "
                + CodeDeployNames.DEPLOYMENT_GROUP + " --include-only-statuses Created Queued InProgress Baking Ready) and run"
                + " pulumi up again. If no deployment is active, a failed one left its replacement fleet behind:"
                + " delete the group that the deployment group does not name (aws deploy get-deployment-group"
                + " --application-name " + CodeDeployNames.APPLICATION + " --deployment-group-name "
                + CodeDeployNames.DEPLOYMENT_GROUP + " --query deploymentGroupInfo.autoScalingGroups shows the live one;"
                + " aws autoscaling delete-auto-scaling-group --force-delete --auto-scaling-group-name <the other>)."
                + " pulumi preview still runs in this state.";
    }
}
