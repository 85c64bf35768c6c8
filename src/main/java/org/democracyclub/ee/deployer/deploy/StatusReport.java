package org.democracyclub.ee.deployer.deploy;

import java.time.Duration;
import java.util.List;
import org.democracyclub.ee.deployer.BadInputException;
import org.democracyclub.ee.deployer.outputs.DeployTarget;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentInfo;
import software.amazon.awssdk.services.codedeploy.model.DeploymentNotStartedException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentStatus;
import software.amazon.awssdk.services.codedeploy.model.InstanceTarget;

/** {@code status}: one deployment as the watcher would describe it, with a failure's diagnostics. */
public final class StatusReport {
    private final DeploymentHistory history;
    private final DeploymentTargets targets;
    private final Console console;

    public StatusReport(DeploymentHistory history, DeploymentTargets targets, Console console) {
        this.history = history;
        this.targets = targets;
        this.console = console;
    }

    /**
     * The instances, or none before the deployment starts: ListDeploymentTargets answers
     * DeploymentNotStartedException for a Created or Queued deployment (ListDeploymentTargets,
     * Errors, CodeDeploy API reference). Other read errors are said, not fatal: the deployment
     * itself was read.
     */
    private List<InstanceTarget> instances(DeploymentInfo info) {
        try {
            return targets.instances(info.deploymentId());
        } catch (DeploymentNotStartedException e) {
            console.say(info.deploymentId() + " has not started on any instance yet (" + info.statusAsString() + "): no targets to show");
            return List.of();
        } catch (SdkException e) {
            console.say("Could not read the instances of " + info.deploymentId() + " (" + AwsErrors.message(e) + ")");
            return List.of();
        }
    }

    /** @param deploymentId a deployment ID, or null for the group's latest */
    public DeploymentResult show(DeployTarget target, String deploymentId) {
        DeploymentInfo info = deploymentId != null ? history.get(deploymentId)
                : history.latest(target).orElseThrow(() -> new BadInputException(
                        "deployment group " + target.deploymentGroupName() + " has no deployments"));
        List<InstanceTarget> instances = instances(info);
        String revision = info.revision() == null ? "unknown revision" : new Revision(info.revision()).describe();
        console.say(info.deploymentId() + " of " + info.applicationName() + "/" + info.deploymentGroupName() + ": " + revision
                + (info.createTime() != null ? ", created " + info.createTime() : "")
                + (info.completeTime() != null ? ", completed " + info.completeTime() : ""));
        console.say(info.deploymentId() + " " + Progress.of(info, instances).describe());
        if (info.status() == DeploymentStatus.READY) {
            console.say(ManualReroute.advice(info.deploymentId()));
        }
        // RollbackInfo (CodeDeploy API reference): which deployment rolled this one back, or which it rolls back.
        var rollback = info.rollbackInfo();
        if (rollback != null && rollback.rollbackDeploymentId() != null) {
            console.say(info.deploymentId() + " was rolled back by " + rollback.rollbackDeploymentId()
                    + (rollback.rollbackMessage() == null ? "" : ": " + rollback.rollbackMessage()));
        }
        if (rollback != null && rollback.rollbackTriggeringDeploymentId() != null) {
            console.say(info.deploymentId() + " is CodeDeploy's rollback of " + rollback.rollbackTriggeringDeploymentId());
        }
        List<FailureReport.FailedEvent> failures = List.of();
        if (info.status() == DeploymentStatus.FAILED || info.status() == DeploymentStatus.STOPPED) {
            failures = new FailureReport(targets, console).print(info);
        }
        Outcome outcome = switch (info.status()) {
            case SUCCEEDED -> Outcome.SUCCEEDED;
            case FAILED -> Outcome.FAILED;
            case STOPPED -> Outcome.STOPPED;
            default -> Outcome.IN_PROGRESS;
        };
        Duration elapsed = info.createTime() != null && info.completeTime() != null
                ? Duration.between(info.createTime(), info.completeTime()) : Duration.ZERO;
        var error = info.errorInformation();
        return new DeploymentResult(outcome, info.deploymentId(), info.statusAsString(), info.applicationName(),
                info.deploymentGroupName(), revision, null, elapsed, target.url(),
                error == null ? null : error.codeAsString(), error == null ? null : error.message(), failures, false);
    }
}
