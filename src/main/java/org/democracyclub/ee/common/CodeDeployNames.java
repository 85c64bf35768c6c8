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

    /**
     * What CodeDeploy names the fleet a blue/green deployment of {@code deploymentGroup} copies
     * from the live one starts with: {@code CodeDeploy_<group>_}, then the deployment ID. The
     * program tells CodeDeploy's fleets from its own by it, the deployer finds the fleet a failed
     * deployment left. The one place for this rule (as CodeDeploy names the copies in the accounts
     * of the current system; not stated in the CodeDeploy documentation searched: unconfirmed).
     */
    public static String replacementFleetPrefix(String deploymentGroup) {
        return "CodeDeploy_" + deploymentGroup + "_";
    }

    /** CodeDeploy's name for the fleet it creates in the blue/green deployment {@code deploymentId}. */
    public static String replacementFleet(String deploymentGroup, String deploymentId) {
        return replacementFleetPrefix(deploymentGroup) + deploymentId;
    }
}
