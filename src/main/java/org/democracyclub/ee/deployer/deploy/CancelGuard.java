package org.democracyclub.ee.deployer.deploy;

import software.amazon.awssdk.services.codedeploy.CodeDeployClient;

/**
 * What happens when CI cancels the job (SIGINT/SIGTERM) while a deployment runs: the deployment
 * carries on without us, so say which one it is and how to follow or stop it; with
 * {@code --stop-on-cancel}, stop it with rollback instead. Armed only while a deployment exists.
 */
public final class CancelGuard implements AutoCloseable {
    private final Console console;
    private final CodeDeployClient codeDeploy;
    private final boolean stopOnCancel;
    private volatile String deploymentId;
    private Thread hook;

    public CancelGuard(Console console, CodeDeployClient codeDeploy, boolean stopOnCancel) {
        this.console = console;
        this.codeDeploy = codeDeploy;
        this.stopOnCancel = stopOnCancel;
    }

    public void arm(String id) {
        deploymentId = id;
        hook = new Thread(this::onCancel, "ee-deployer-cancel");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Runs in the shutdown hook; public so tests can run it without sending a signal. */
    public void onCancel() {
        String id = deploymentId;
        if (id == null) {
            return;
        }
        if (stopOnCancel) {
            console.say("Cancelled: stopping deployment " + id + " with rollback (--stop-on-cancel)");
            try {
                var answer = codeDeploy.stopDeployment(r -> r.deploymentId(id).autoRollbackEnabled(true));
                console.say("StopDeployment: " + answer.statusAsString() + " " + (answer.statusMessage() == null ? "" : answer.statusMessage()));
            } catch (RuntimeException e) {
                console.say("Could not stop " + id + ": " + e.getMessage() + "; stop it with: " + stopCommand(id));
            }
            return;
        }
        console.say("Cancelled: deployment " + id + " carries on in CodeDeploy.");
        console.say("Follow it:  java -jar target/ee-deployer.jar status " + id);
        console.say("Stop it:    " + stopCommand(id));
    }

    static String stopCommand(String id) {
        return "aws deploy stop-deployment --deployment-id " + id + " --auto-rollback-enabled";
    }

    /** Disarms: a normal exit must not print cancellation advice. */
    @Override
    public void close() {
        deploymentId = null;
        if (hook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The hook is already running or done; nothing to remove.
            }
            hook = null;
        }
    }
}
