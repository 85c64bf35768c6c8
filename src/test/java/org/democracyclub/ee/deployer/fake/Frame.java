package org.democracyclub.ee.deployer.fake;

import java.util.List;

/**
 * What GetDeployment and the targets API show of a deployment at one point of its timeline.
 *
 * @param terminationWaitStarted DeploymentInfo.instanceTerminationWaitTimeStarted: "true as soon as
 *                               the termination wait period starts" (DeploymentInfo, CodeDeploy API
 *                               reference): traffic has moved and the original fleet waits to be terminated
 */
public record Frame(String status, List<Target> targets, Error error, boolean terminationWaitStarted) {

    public static Frame of(String status, List<Target> targets, Error error) {
        return new Frame(status, targets, error, false);
    }

    public Frame waitingToTerminate() {
        return new Frame(status, targets, error, true);
    }

    public boolean finished() {
        return status.equals("Succeeded") || status.equals("Failed") || status.equals("Stopped");
    }

    /** Before a deployment starts it has no targets: ListDeploymentTargets answers DeploymentNotStartedException. */
    public boolean started() {
        return !status.equals("Created") && !status.equals("Queued");
    }

    /** The deployment overview, counted from the targets' statuses as CodeDeploy does. */
    public long count(String targetStatus) {
        return targets.stream().filter(t -> t.status().equals(targetStatus)).count();
    }

    public record Target(String id, String label, String status, List<Event> events) {
    }

    public record Event(String name, String status, Diagnostics diagnostics) {
    }

    public record Diagnostics(String errorCode, String scriptName, String message, String logTail) {
    }

    public record Error(String code, String message) {
    }
}
