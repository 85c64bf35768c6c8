package org.democracyclub.ee.deployer.deploy;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;
import software.amazon.awssdk.services.codedeploy.model.DeploymentTarget;
import software.amazon.awssdk.services.codedeploy.model.InstanceTarget;

/** The instance targets of a deployment, with their lifecycle events and diagnostics. */
public final class DeploymentTargets {
    private final CodeDeployClient codeDeploy;

    public DeploymentTargets(CodeDeployClient codeDeploy) {
        this.codeDeploy = codeDeploy;
    }

    public List<InstanceTarget> instances(String deploymentId) {
        // No paginator is generated for ListDeploymentTargets, so follow nextToken by hand.
        List<String> ids = new ArrayList<>();
        String token = null;
        do {
            String page = token;
            var answer = codeDeploy.listDeploymentTargets(r -> r.deploymentId(deploymentId).nextToken(page));
            ids.addAll(answer.targetIds());
            token = answer.nextToken();
        } while (token != null && !token.isEmpty());
        List<InstanceTarget> out = new ArrayList<>();
        for (List<String> chunk : Batches.of(ids)) {
            for (DeploymentTarget target : codeDeploy.batchGetDeploymentTargets(r -> r
                    .deploymentId(deploymentId).targetIds(chunk)).deploymentTargets()) {
                if (target.instanceTarget() != null) {
                    out.add(target.instanceTarget());
                }
            }
        }
        return out;
    }
}
