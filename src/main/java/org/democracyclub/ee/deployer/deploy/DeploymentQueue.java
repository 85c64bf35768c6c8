package org.democracyclub.ee.deployer.deploy;

import java.time.Duration;
import java.util.List;
import org.democracyclub.ee.deployer.outputs.DeployTarget;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;
import software.amazon.awssdk.services.codedeploy.model.DeploymentStatus;

/** CodeDeploy runs one deployment per group at a time: wait for the group to be free. */
public final class DeploymentQueue {
    static final List<DeploymentStatus> ACTIVE = List.of(
            DeploymentStatus.CREATED, DeploymentStatus.QUEUED, DeploymentStatus.IN_PROGRESS, DeploymentStatus.READY);

    private final CodeDeployClient codeDeploy;
    private final Console console;
    private final Duration pollInterval;

    public DeploymentQueue(CodeDeployClient codeDeploy, Console console, Duration pollInterval) {
        this.codeDeploy = codeDeploy;
        this.console = console;
        this.pollInterval = pollInterval;
    }

    /** The group's deployments that are not finished, oldest first as CodeDeploy lists them. */
    public List<String> active(DeployTarget target) {
        return codeDeploy.listDeploymentsPaginator(r -> r
                        .applicationName(target.applicationName())
                        .deploymentGroupName(target.deploymentGroupName())
                        .includeOnlyStatuses(ACTIVE))
                .deployments().stream().toList();
    }

    /** Returns once no deployment of the group is active; prints each change of the blocker. */
    public void waitForTurn(DeployTarget target, Deadline deadline) {
        String lastSeen = null;
        while (true) {
            List<String> blocking = active(target);
            if (blocking.isEmpty()) {
                if (lastSeen != null) {
                    console.say("Deployment group " + target.deploymentGroupName() + " is free (next: create the deployment)");
                }
                return;
            }
            String id = blocking.get(0);
            DeploymentStatus status = codeDeploy.getDeployment(r -> r.deploymentId(id)).deploymentInfo().status();
            String seen = id + " " + status;
            if (!seen.equals(lastSeen)) {
                console.say("Waiting: deployment " + id + " of " + target.deploymentGroupName() + " is " + status
                        + (blocking.size() > 1 ? " (" + (blocking.size() - 1) + " more queued)" : "")
                        + "; ours starts when it finishes");
                lastSeen = seen;
            }
            if (deadline.passed()) {
                throw new TimedOutException("deployment " + id + " was still " + status
                        + " when the timeout passed; nothing was deployed");
            }
            deadline.sleep(pollInterval);
        }
    }
}
