package org.democracyclub.ee.deployer.deploy;

import java.time.Duration;
import java.util.List;

/**
 * The end of a deploy, rollback or status command, printed for people and (with {@code --json})
 * as one JSON object for scripts.
 *
 * @param deploymentId null when nothing was created (dry run)
 * @param status       CodeDeploy's last status, or null
 */
public record DeploymentResult(
        Outcome outcome,
        String deploymentId,
        String status,
        String applicationName,
        String deploymentGroupName,
        String revision,
        String liveFleet,
        Duration elapsed,
        String url,
        String errorCode,
        String errorMessage,
        List<FailureReport.FailedEvent> failures,
        boolean replacementFleetDeleted) {
}
