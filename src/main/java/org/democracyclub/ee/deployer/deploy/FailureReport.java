package org.democracyclub.ee.deployer.deploy;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentInfo;
import software.amazon.awssdk.services.codedeploy.model.DeploymentNotStartedException;
import software.amazon.awssdk.services.codedeploy.model.Diagnostics;
import software.amazon.awssdk.services.codedeploy.model.InstanceTarget;
import software.amazon.awssdk.services.codedeploy.model.LifecycleEvent;
import software.amazon.awssdk.services.codedeploy.model.LifecycleEventStatus;
import software.amazon.awssdk.services.codedeploy.model.TargetStatus;

/**
 * Why a deployment failed, from CodeDeploy's own records, so nobody needs the console: the error
 * information, then each failed instance's failed event with its script, error code and log tail,
 * with secret-looking values redacted ({@link LogRedactor}) as they go to CI logs and JSON.
 */
public final class FailureReport {
    private final DeploymentTargets targets;
    private final Console console;

    public FailureReport(DeploymentTargets targets, Console console) {
        this.targets = targets;
        this.console = console;
    }

    /** Prints the report and returns the failed events, for the JSON result. */
    public List<FailedEvent> print(DeploymentInfo info) {
        if (info.errorInformation() != null) {
            console.say("Error " + info.errorInformation().codeAsString() + ": " + info.errorInformation().message());
        }
        List<FailedEvent> failures;
        try {
            failures = failedEvents(targets.instances(info.deploymentId()));
        } catch (DeploymentNotStartedException e) {
            // Stopped or failed before it started (ListDeploymentTargets, Errors): no instance ran a hook.
            console.say("No instance diagnostics: " + info.deploymentId() + " ended before it started on any instance");
            return List.of();
        } catch (SdkException e) {
            // Diagnostics only: the outcome is known, so say what could not be read and go on.
            console.say("Could not read the instance diagnostics of " + info.deploymentId() + " (" + AwsErrors.message(e)
                    + "); `status " + info.deploymentId() + "` tries again");
            return List.of();
        }
        if (failures.isEmpty()) {
            console.say("No instance reported a failed lifecycle event");
        }
        for (FailedEvent f : failures) {
            console.say("Instance " + f.instanceId() + " failed in " + f.event()
                    + (f.scriptName() != null ? ": script " + f.scriptName() : "")
                    + (f.errorCode() != null ? ", error " + f.errorCode() : ""));
            if (f.message() != null && !f.message().isBlank()) {
                console.detail(f.message());
            }
            if (f.logTail() != null && !f.logTail().isBlank()) {
                console.detail("--- log tail ---");
                console.detail(f.logTail().strip());
                console.detail("--- end of log tail ---");
            }
        }
        return failures;
    }

    static List<FailedEvent> failedEvents(List<InstanceTarget> instances) {
        List<FailedEvent> out = new ArrayList<>();
        for (InstanceTarget target : instances) {
            boolean failedTarget = target.status() == TargetStatus.FAILED;
            for (LifecycleEvent event : target.lifecycleEvents()) {
                if (event.status() == LifecycleEventStatus.FAILED || (failedTarget && event.diagnostics() != null
                        && event.status() != LifecycleEventStatus.SUCCEEDED)) {
                    Diagnostics d = event.diagnostics();
                    out.add(new FailedEvent(target.targetId(), event.lifecycleEventName(),
                            d == null ? null : d.scriptName(), d == null ? null : d.errorCodeAsString(),
                            d == null ? null : LogRedactor.redact(d.message()),
                            d == null ? null : LogRedactor.redact(d.logTail())));
                }
            }
        }
        return out;
    }

    /** One failed lifecycle event of one instance. */
    public record FailedEvent(String instanceId, String event, String scriptName, String errorCode,
                              String message, String logTail) {
    }
}
