package org.democracyclub.ee.deployer.deploy;

import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.protocols.jsoncore.JsonWriter;

/** The {@code --json} result object, written with the SDK's own JSON writer (no Jackson in the jar). */
public final class ResultJson {
    private ResultJson() {
    }

    public static String of(DeploymentResult r, int exitCode) {
        try (JsonWriter w = JsonWriter.create()) {
            w.writeStartObject();
            field(w, "outcome", r.outcome().name());
            w.writeFieldName("exitCode").writeValue(exitCode);
            field(w, "deploymentId", r.deploymentId());
            field(w, "status", r.status());
            field(w, "applicationName", r.applicationName());
            field(w, "deploymentGroupName", r.deploymentGroupName());
            field(w, "revision", r.revision());
            field(w, "liveFleet", r.liveFleet());
            w.writeFieldName("elapsedSeconds").writeValue(r.elapsed().toMillis() / 1000.0);
            field(w, "url", r.url());
            field(w, "errorCode", r.errorCode());
            field(w, "errorMessage", r.errorMessage());
            w.writeFieldName("replacementFleetDeleted").writeValue(r.replacementFleetDeleted());
            w.writeFieldName("failures").writeStartArray();
            for (FailureReport.FailedEvent f : r.failures()) {
                w.writeStartObject();
                field(w, "instanceId", f.instanceId());
                field(w, "lifecycleEvent", f.event());
                field(w, "scriptName", f.scriptName());
                field(w, "errorCode", f.errorCode());
                field(w, "message", f.message());
                field(w, "logTail", f.logTail());
                w.writeEndObject();
            }
            w.writeEndArray();
            w.writeEndObject();
            return new String(w.getBytes(), StandardCharsets.UTF_8);
        }
    }

    /** For errors that end a command before any result exists (exit 2, 3 or 4). */
    public static String error(String outcome, int exitCode, String message) {
        try (JsonWriter w = JsonWriter.create()) {
            w.writeStartObject();
            field(w, "outcome", outcome);
            w.writeFieldName("exitCode").writeValue(exitCode);
            field(w, "errorMessage", message);
            w.writeEndObject();
            return new String(w.getBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void field(JsonWriter w, String name, String value) {
        w.writeFieldName(name);
        if (value == null) {
            w.writeNull();
        } else {
            w.writeValue(value);
        }
    }
}
