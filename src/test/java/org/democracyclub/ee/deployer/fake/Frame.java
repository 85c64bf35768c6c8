package org.democracyclub.ee.deployer.fake;

import java.util.List;

/** What GetDeployment and the targets API show of a deployment at one point of its timeline. */
public record Frame(String status, List<Target> targets, Error error) {

    public static Frame of(String status, List<Target> targets, Error error) {
        return new Frame(status, targets, error);
    }

    public boolean finished() {
        return status.equals("Succeeded") || status.equals("Failed") || status.equals("Stopped");
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
