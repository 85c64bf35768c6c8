package org.democracyclub.ee.common;

/**
 * The CodeDeploy application and deployment group (the current system's names, kept so existing
 * resources are imported, not recreated: docs/deployment.md, "Moving from the CDK stacks"): the
 * program declares them, and the deployer's local runner presents them to hooks as CodeDeploy would.
 */
public final class CodeDeployNames {
    public static final String APPLICATION = "EECodeDeploy";
    public static final String DEPLOYMENT_GROUP = "EEDefaultDeploymentGroup";

    private CodeDeployNames() {
    }
}
