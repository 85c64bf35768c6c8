package org.democracyclub.ee.deployer.deploy;

/**
 * DeploymentInfo.creator values (CodeDeploy API reference): "user: A user created the deployment.
 * autoscaling: Amazon EC2 Auto Scaling created the deployment. codeDeployRollback: A rollback
 * process created the deployment. CodeDeployAutoUpdate: An auto-update process created the
 * deployment when it detected outdated Amazon EC2 instances."
 */
final class Creators {
    static final String USER = "user";
    static final String AUTOSCALING = "autoscaling";
    static final String ROLLBACK = "codeDeployRollback";
    static final String AUTO_UPDATE = "CodeDeployAutoUpdate";

    private Creators() {
    }
}
