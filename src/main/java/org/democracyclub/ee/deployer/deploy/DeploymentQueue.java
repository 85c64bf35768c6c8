package org.democracyclub.ee.deployer.deploy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.democracyclub.ee.deployer.outputs.DeployTarget;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;
import software.amazon.awssdk.services.codedeploy.model.DeploymentInfo;
import software.amazon.awssdk.services.codedeploy.model.DeploymentStatus;

/** CodeDeploy runs one deployment per group at a time: wait for the group to be free. */
public final class DeploymentQueue {
    /**
     * Every status of an unfinished deployment: DeploymentInfo's statuses are Created, Queued,
     * InProgress, Baking, Succeeded, Failed, Stopped and Ready (CodeDeploy API reference); all but
     * the three final ones block the group.
     */
    static final List<DeploymentStatus> ACTIVE = List.of(DeploymentStatus.CREATED, DeploymentStatus.QUEUED,
            DeploymentStatus.IN_PROGRESS, DeploymentStatus.BAKING, DeploymentStatus.READY);

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

    /** The active deployments with their details. */
    public List<DeploymentInfo> activeInfos(DeployTarget target) {
        List<DeploymentInfo> infos = new ArrayList<>();
        for (List<String> batch : Batches.of(active(target))) {
            infos.addAll(codeDeploy.batchGetDeployments(r -> r.deploymentIds(batch)).deploymentsInfo());
        }
        return infos;
    }

    /**
     * Returns once no deployment of the group is active, printing each change of the blocker; or,
     * if a blocking deployment is our own (an earlier create whose answer was lost and which a
     * listing did not show yet), returns its ID so that it is watched rather than duplicated.
     */
    public Optional<String> waitForTurn(DeployTarget target, Deadline deadline, Predicate<DeploymentInfo> ours) {
        String lastSeen = null;
        while (true) {
            List<String> blocking = active(target);
            if (blocking.isEmpty()) {
                if (lastSeen != null) {
                    console.say("Deployment group " + target.deploymentGroupName() + " is free (next: create the deployment)");
                }
                return Optional.empty();
            }
            List<DeploymentInfo> infos = new ArrayList<>();
            for (List<String> batch : Batches.of(blocking)) {
                infos.addAll(codeDeploy.batchGetDeployments(r -> r.deploymentIds(batch)).deploymentsInfo());
            }
            Optional<DeploymentInfo> own = infos.stream().filter(ours).findFirst();
            if (own.isPresent()) {
                console.say("Deployment " + own.get().deploymentId() + " is ours after all (an earlier create did succeed)");
                return Optional.of(own.get().deploymentId());
            }
            infos.sort(Comparator.comparing((DeploymentInfo i) -> i.createTime() == null ? Instant.EPOCH : i.createTime()));
            DeploymentInfo first = infos.isEmpty() ? null : infos.get(0);
            String id = first == null ? blocking.get(0) : first.deploymentId();
            String status = first == null ? "active" : first.statusAsString();
            String seen = id + " " + status;
            if (!seen.equals(lastSeen)) {
                console.say("Waiting: deployment " + id + " of " + target.deploymentGroupName() + " is " + status
                        + (blocking.size() > 1 ? " (" + (blocking.size() - 1) + " more queued)" : "")
                        + "; ours starts when it finishes");
                if (first != null && first.status() == DeploymentStatus.READY) {
                    console.say(ManualReroute.advice(id));
                }
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
