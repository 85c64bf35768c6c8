package org.democracyclub.ee.deployer.deploy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.democracyclub.ee.deployer.outputs.DeployTarget;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;
import software.amazon.awssdk.services.codedeploy.model.AutoRollbackEvent;
import software.amazon.awssdk.services.codedeploy.model.DeploymentInfo;
import software.amazon.awssdk.services.codedeploy.model.DeploymentStatus;

/**
 * After a deployment fails or is stopped with automatic rollback, CodeDeploy redeploys the last
 * good revision as a new deployment ("Redeploy and roll back a deployment with CodeDeploy", user
 * guide): creator {@code codeDeployRollback} (DeploymentInfo), linked to the failed one by
 * rollbackInfo.rollbackDeploymentId / rollbackTriggeringDeploymentId (RollbackInfo). This finds it
 * and follows it to its end, so that nothing it uses is deleted under it and its outcome is told.
 */
public final class AutomaticRollback {
    /** How long to look for a rollback CodeDeploy is expected to create. */
    static final Duration APPEAR_WITHIN = Duration.ofMinutes(2);
    /** How long to follow a rollback; it redeploys a known-good revision, like a deployment. */
    static final Duration FOLLOW_FOR = Duration.ofMinutes(60);

    private final CodeDeployClient codeDeploy;
    private final DeploymentQueue queue;
    private final Console console;
    private final Pacer pacer;
    private final Duration pollInterval;

    public AutomaticRollback(CodeDeployClient codeDeploy, Console console, Pacer pacer, Duration pollInterval) {
        this.codeDeploy = codeDeploy;
        this.queue = new DeploymentQueue(codeDeploy, console, pollInterval);
        this.console = console;
        this.pacer = pacer;
        this.pollInterval = pollInterval;
    }

    /** The rollback's last state, or empty when none was expected or found. */
    public Optional<DeploymentInfo> follow(DeployTarget target, DeploymentInfo failed) {
        // Waited for only when the deployment's own configuration says CodeDeploy rolls it back;
        // otherwise looked for once (a rollback asked for with StopDeployment shows in rollbackInfo).
        boolean expected = expectsRollback(failed);
        Optional<String> id = find(target, failed.deploymentId(), expected);
        if (id.isEmpty()) {
            if (expected) {
                console.say("No automatic rollback of " + failed.deploymentId() + " appeared within "
                        + Durations.format(APPEAR_WITHIN) + "; the live fleet was not changed by it");
            }
            return Optional.empty();
        }
        console.say("CodeDeploy rolls " + failed.deploymentId() + " back with deployment " + id.get()
                + " (next: wait for it to end before cleaning up)");
        Optional<DeploymentInfo> end = new DeploymentWatcher(codeDeploy, console, pollInterval)
                .watch(id.get(), Deadline.after(FOLLOW_FOR, pacer));
        if (end.isEmpty()) {
            console.say("Rollback " + id.get() + " was still running after " + Durations.format(FOLLOW_FOR)
                    + "; follow it with `status " + id.get() + "`");
            return Optional.of(codeDeploy.getDeployment(r -> r.deploymentId(id.get())).deploymentInfo());
        }
        DeploymentInfo info = end.get();
        if (info.status() == DeploymentStatus.SUCCEEDED) {
            console.say("Rollback " + id.get() + " Succeeded: the previous revision "
                    + (info.revision() == null ? "" : new Revision(info.revision()).describe() + " ") + "is live again");
        } else {
            console.say("Rollback " + id.get() + " " + info.status() + (info.errorInformation() == null ? ""
                    : " (" + info.errorInformation().codeAsString() + ": " + info.errorInformation().message() + ")")
                    + ": check the site and `status " + id.get() + "`");
        }
        return end;
    }

    /** The deployment group or deployment rolls back on failure (DeploymentInfo.autoRollbackConfiguration). */
    static boolean expectsRollback(DeploymentInfo info) {
        var config = info.autoRollbackConfiguration();
        return config != null && Boolean.TRUE.equals(config.enabled())
                && config.events().contains(info.status() == DeploymentStatus.STOPPED
                ? AutoRollbackEvent.DEPLOYMENT_STOP_ON_REQUEST : AutoRollbackEvent.DEPLOYMENT_FAILURE);
    }

    /**
     * The failed deployment's rollbackInfo.rollbackDeploymentId, else an active deployment of the
     * group with creator codeDeployRollback triggered by it; looked for until {@link #APPEAR_WITHIN}
     * when a rollback is expected, once otherwise.
     */
    Optional<String> find(DeployTarget target, String failedId, boolean expected) {
        Deadline deadline = Deadline.after(APPEAR_WITHIN, pacer);
        Backoff backoff = new Backoff(pollInterval, Duration.ofSeconds(10), pacer);
        while (true) {
            try {
                DeploymentInfo failed = codeDeploy.getDeployment(r -> r.deploymentId(failedId)).deploymentInfo();
                if (failed.rollbackInfo() != null && failed.rollbackInfo().rollbackDeploymentId() != null) {
                    return Optional.of(failed.rollbackInfo().rollbackDeploymentId());
                }
                for (DeploymentInfo info : queue.activeInfos(target)) {
                    if (Creators.ROLLBACK.equals(info.creatorAsString()) && info.rollbackInfo() != null
                            && failedId.equals(info.rollbackInfo().rollbackTriggeringDeploymentId())) {
                        return Optional.of(info.deploymentId());
                    }
                }
            } catch (SdkException e) {
                if (!AwsErrors.isTransient(e)) {
                    throw e;
                }
                console.say("Looking for the rollback of " + failedId + " failed (" + AwsErrors.message(e) + "); trying again");
            }
            if (!expected || deadline.passed()) {
                return Optional.empty();
            }
            deadline.sleep(backoff.next());
        }
    }

    /** For callers that need the IDs a rollback involves. */
    static List<String> ids(DeploymentInfo failed, Optional<DeploymentInfo> rollback) {
        return rollback.map(r -> List.of(failed.deploymentId(), r.deploymentId())).orElse(List.of(failed.deploymentId()));
    }
}
