package org.democracyclub.ee.infra.policy;

import static org.democracyclub.ee.infra.policy.BaseRule.perResource;

import java.util.List;
import java.util.Set;

/** Rules on the CodeDeploy deployment group: failed deployments undo themselves and leave nothing behind. */
public final class CodeDeployRules {
    private static final Set<String> GROUPS = Set.of(Types.DEPLOYMENT_GROUP);

    private CodeDeployRules() {
    }

    public static List<Rule> all() {
        return List.of(rollbackOnFailure(), blueGreenTerminatesOldFleet());
    }

    /** EE-CD-1. */
    static Rule rollbackOnFailure() {
        return perResource("EE-CD-1", Severity.ERROR,
                "A failed deployment rolls back automatically, so a bad release does not stay live.",
                GROUPS, (r, in, out) -> {
                    boolean enabled = r.bool("autoRollbackConfiguration.enabled").orElse(false);
                    List<String> events = r.strings("autoRollbackConfiguration.events");
                    if (!enabled || !events.contains("DEPLOYMENT_FAILURE")) {
                        out.add(r, "autoRollbackConfiguration is " + (enabled ? "enabled for " + events : "not enabled"),
                                "set autoRollbackConfiguration.enabled to true with events [\"DEPLOYMENT_FAILURE\"]");
                    }
                });
    }

    /** EE-CD-2: a blue/green group that keeps the old fleet leaves orphaned instances that cost money and drift. */
    static Rule blueGreenTerminatesOldFleet() {
        return perResource("EE-CD-2", Severity.ERROR,
                "A blue/green group terminates the old fleet after success: no orphaned instances.",
                GROUPS, (r, in, out) -> {
                    if (!r.string("deploymentStyle.deploymentType").orElse("IN_PLACE").equals("BLUE_GREEN")) {
                        return;
                    }
                    String action = r.string("blueGreenDeploymentConfig.terminateBlueInstancesOnDeploymentSuccess.action")
                            .orElse("unset");
                    if (!action.equals("TERMINATE")) {
                        out.add(r, "blueGreenDeploymentConfig.terminateBlueInstancesOnDeploymentSuccess.action is " + action,
                                "set terminateBlueInstancesOnDeploymentSuccess.action to \"TERMINATE\" "
                                        + "(with terminationWaitTimeInMinutes for the rollback window)");
                    }
                });
    }
}
