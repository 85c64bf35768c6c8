package org.democracyclub.ee.deployer.deploy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.democracyclub.ee.deployer.BadInputException;
import org.democracyclub.ee.deployer.outputs.DeployTarget;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;
import software.amazon.awssdk.services.codedeploy.model.DeploymentInfo;
import software.amazon.awssdk.services.codedeploy.model.DeploymentStatus;

/**
 * Past deployments of the group, newest first. ListDeployments does not document its order, so
 * deployments are sorted by their creation time here.
 */
public final class DeploymentHistory {
    private final CodeDeployClient codeDeploy;

    public DeploymentHistory(CodeDeployClient codeDeploy) {
        this.codeDeploy = codeDeploy;
    }

    public Optional<DeploymentInfo> latest(DeployTarget target) {
        return newestFirst(target, List.of()).stream().findFirst();
    }

    public DeploymentInfo get(String deploymentId) {
        return codeDeploy.getDeployment(r -> r.deploymentId(deploymentId)).deploymentInfo();
    }

    /** The newest successful deployment, whoever made it: its revision is the one live now. */
    public Optional<DeploymentInfo> live(DeployTarget target) {
        return newestFirst(target, List.of(DeploymentStatus.SUCCEEDED)).stream().findFirst();
    }

    /**
     * What {@code rollback} returns to, and what runs now. The newest successful deployment is
     * what runs now. Launch-hook deployments (creator {@code autoscaling}) and rollbacks (creator
     * {@code codeDeployRollback}) are successes of the revision live at the time (DeploymentInfo
     * creator values, CodeDeploy API reference), so the target is the newest successful deployment
     * made by a person or CI (creator {@code user}) whose revision differs from the live one.
     */
    public RollbackChoice rollbackChoice(DeployTarget target) {
        List<DeploymentInfo> succeeded = newestFirst(target, List.of(DeploymentStatus.SUCCEEDED));
        if (succeeded.isEmpty()) {
            throw new BadInputException("deployment group " + target.deploymentGroupName()
                    + " has no successful deployment: nothing to roll back from");
        }
        DeploymentInfo live = succeeded.get(0);
        RevisionIdentity liveRevision = RevisionIdentity.of(live.revision());
        return succeeded.stream()
                .filter(d -> Creators.USER.equals(d.creatorAsString()))
                .filter(d -> !RevisionIdentity.of(d.revision()).equals(liveRevision))
                .findFirst()
                .map(previous -> new RollbackChoice(live, previous))
                .orElseThrow(() -> new BadInputException("deployment group " + target.deploymentGroupName()
                        + " has no earlier successful deployment by a user of another revision than the live "
                        + new Revision(live.revision()).describe() + ": nothing earlier to roll back to"));
    }

    /** @param live the deployment whose revision runs now; @param previous the one to redeploy */
    public record RollbackChoice(DeploymentInfo live, DeploymentInfo previous) {
    }

    private List<DeploymentInfo> newestFirst(DeployTarget target, List<DeploymentStatus> statuses) {
        List<String> ids = codeDeploy.listDeploymentsPaginator(r -> r
                        .applicationName(target.applicationName())
                        .deploymentGroupName(target.deploymentGroupName())
                        .includeOnlyStatuses(statuses))
                .deployments().stream().toList();
        List<DeploymentInfo> infos = new ArrayList<>();
        for (List<String> chunk : Batches.of(ids)) {
            infos.addAll(codeDeploy.batchGetDeployments(r -> r.deploymentIds(chunk)).deploymentsInfo());
        }
        infos.sort(Comparator.comparing((DeploymentInfo i) -> i.createTime() == null ? Instant.EPOCH : i.createTime()).reversed());
        return infos;
    }
}
