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

    /**
     * The deployment to roll back to: the newest successful one is what runs now, so this is the
     * successful one before it.
     */
    public DeploymentInfo previousSuccess(DeployTarget target) {
        List<DeploymentInfo> succeeded = newestFirst(target, List.of(DeploymentStatus.SUCCEEDED));
        if (succeeded.size() < 2) {
            throw new BadInputException("deployment group " + target.deploymentGroupName() + " has "
                    + succeeded.size() + " successful deployment(s): nothing earlier to roll back to");
        }
        return succeeded.get(1);
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
