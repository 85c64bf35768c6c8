package org.democracyclub.ee.deployer.deploy;

/**
 * A deployment in status {@code Ready} waits for someone to reroute traffic (blue/green with
 * "choose whether to reroute traffic" / actionOnTimeout STOP_DEPLOYMENT). ContinueDeployment with
 * deploymentWaitType READY_WAIT starts the reroute (ContinueDeployment, CodeDeploy API reference);
 * StopDeployment ends it.
 */
public final class ManualReroute {
    private ManualReroute() {
    }

    public static String advice(String deploymentId) {
        return deploymentId + " is Ready: the replacement fleet is installed and waits for traffic to be rerouted by hand. "
                + "Reroute now: aws deploy continue-deployment --deployment-id " + deploymentId
                + " --deployment-wait-type READY_WAIT; or give up: aws deploy stop-deployment --deployment-id "
                + deploymentId + " --auto-rollback-enabled";
    }
}
