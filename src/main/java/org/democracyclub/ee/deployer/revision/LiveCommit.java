package org.democracyclub.ee.deployer.revision;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.democracyclub.ee.common.RevisionKey;
import org.democracyclub.ee.deployer.BadInputException;
import org.democracyclub.ee.deployer.outputs.DeployTarget;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;
import software.amazon.awssdk.services.codedeploy.model.DeploymentCreator;
import software.amazon.awssdk.services.codedeploy.model.DeploymentInfo;
import software.amazon.awssdk.services.codedeploy.model.DeploymentStatus;
import software.amazon.awssdk.services.codedeploy.model.RevisionLocation;
import software.amazon.awssdk.services.codedeploy.model.RevisionLocationType;

/**
 * The application commit that is live: that of the newest successful deployment a person or CI
 * made ({@code creator} {@code user}). Launch-hook deployments ({@code autoscaling}) and
 * automatic rollbacks ({@code codeDeployRollback}) redeploy a revision a user deployment already
 * shipped, so they are skipped (CodeDeploy API reference, DeploymentInfo.creator). The commit is
 * read from the revision: the bundle's key ({@code RevisionKey}), or a GitHub revision's commit.
 */
public final class LiveCommit {
    private static final int BATCH = 25;

    /** @param deploymentId the deployment that shipped it, for messages */
    public record Live(String commit, String deploymentId, String revision) {
    }

    private LiveCommit() {
    }

    /** Empty when the group has no successful user deployment (a new environment). */
    public static Optional<Live> find(CodeDeployClient codeDeploy, DeployTarget target) {
        List<String> ids = codeDeploy.listDeploymentsPaginator(r -> r
                        .applicationName(target.applicationName())
                        .deploymentGroupName(target.deploymentGroupName())
                        .includeOnlyStatuses(DeploymentStatus.SUCCEEDED))
                .deployments().stream().toList();
        List<DeploymentInfo> infos = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += BATCH) {
            List<String> chunk = ids.subList(i, Math.min(ids.size(), i + BATCH));
            infos.addAll(codeDeploy.batchGetDeployments(r -> r.deploymentIds(chunk)).deploymentsInfo());
        }
        return infos.stream()
                .filter(i -> i.status() == DeploymentStatus.SUCCEEDED)
                // Every response member is optional in the API model; an unset creator is taken as a user's.
                .filter(i -> i.creator() == null || i.creator() == DeploymentCreator.USER)
                .max(Comparator.comparing((DeploymentInfo i) -> i.createTime() == null ? Instant.EPOCH : i.createTime()))
                .map(LiveCommit::live);
    }

    private static Live live(DeploymentInfo info) {
        RevisionLocation revision = info.revision();
        if (revision != null && revision.revisionType() == RevisionLocationType.S3 && revision.s3Location() != null) {
            String key = revision.s3Location().key();
            String uri = "s3://" + revision.s3Location().bucket() + "/" + key;
            return RevisionKey.appCommitOf(key).map(c -> new Live(c, info.deploymentId(), uri))
                    .orElseThrow(() -> unknown(info, uri));
        }
        if (revision != null && revision.revisionType() == RevisionLocationType.GIT_HUB && revision.gitHubLocation() != null) {
            String commit = revision.gitHubLocation().commitId();
            return new Live(commit, info.deploymentId(), "github " + revision.gitHubLocation().repository() + "@" + commit);
        }
        throw unknown(info, String.valueOf(revision == null ? null : revision.revisionType()));
    }

    private static BadInputException unknown(DeploymentInfo info, String revision) {
        return new BadInputException("the live deployment " + info.deploymentId() + " shipped " + revision
                + ", whose key does not name an application commit (" + RevisionKey.PREFIX + "<commit>/<sha256>.zip);"
                + " give the commit explicitly (the pipeline parameter app_commit, or deploy --commit)");
    }
}
