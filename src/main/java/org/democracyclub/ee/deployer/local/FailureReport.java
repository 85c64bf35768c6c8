package org.democracyclub.ee.deployer.local;

import java.io.PrintWriter;
import org.democracyclub.ee.deployer.appspec.Hook;

/** What a failed hook prints: the same facts CodeDeploy's diagnostics give (event, script, code, log tail). */
record FailureReport(Hook hook, ScriptOutcome outcome) {

    void print(PrintWriter err) {
        err.println("FAILED: event " + hook.event() + ", script " + hook.location() + ", " + cause());
        err.println("last " + outcome.lastLines().size() + " line(s) of output:");
        outcome.lastLines().forEach(line -> err.println("  " + line));
        err.flush();
    }

    private String cause() {
        return switch (outcome.status()) {
            case TIMED_OUT -> "timed out after " + hook.timeoutSeconds() + " s (exit code -1): the script and its"
                    + " process group were killed";
            case LEFT_PROCESSES -> "exit code " + outcome.exitCode() + ", but it left processes running that still"
                    + " hold its output; the CodeDeploy agent would wait for them until the " + hook.timeoutSeconds()
                    + " s timeout and fail the event. They were killed. Redirect their output (>/dev/null 2>&1)"
                    + " or start them with systemd";
            default -> "exit code " + outcome.exitCode();
        };
    }
}
