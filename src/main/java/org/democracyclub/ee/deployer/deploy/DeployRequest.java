package org.democracyclub.ee.deployer.deploy;

import java.time.Duration;
import org.democracyclub.ee.deployer.outputs.DeployTarget;

/**
 * One deployment to make, from {@code deploy} or {@code rollback}.
 *
 * @param description  CodeDeploy's description of the deployment (what and why)
 * @param pollInterval the interval between polls of a running deployment (at most 5 s)
 */
public record DeployRequest(
        DeployTarget target,
        Revision revision,
        String description,
        Duration timeout,
        Duration pollInterval,
        boolean dryRun,
        boolean stopOnCancel) {
}
