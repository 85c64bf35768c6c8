package org.democracyclub.ee.deployer.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import org.democracyclub.ee.deployer.aws.AwsClientFactory;
import org.democracyclub.ee.deployer.aws.AwsClients;
import org.democracyclub.ee.deployer.fake.FakeAws;
import org.democracyclub.ee.deployer.fake.Timeline;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What a cancelled CI job leaves behind; the hook's body is run directly, without a signal. */
// A deployer stuck on an unexpected answer from the fake fails the test instead of hanging the build.
@Timeout(60)
class CancelGuardIT {
    private FakeAws fake;
    private AwsClients aws;
    private final StringWriter out = new StringWriter();
    private Console console;

    @BeforeEach
    void start() throws IOException {
        fake = FakeAws.start(2);
        fake.codeDeploy().existing("d-RUNNING01", Timeline.stuckIn("AfterInstall"), "a".repeat(40), Instant.now());
        aws = AwsClientFactory.create(fake.clientSettings());
        console = new Console(new PrintWriter(out), Pacer.SYSTEM);
    }

    @AfterEach
    void stop() {
        aws.close();
        fake.close();
    }

    @Test
    void by_default_cancelling_says_how_to_follow_and_stop_the_deployment_and_leaves_it_running() {
        try (CancelGuard guard = new CancelGuard(console, aws.codeDeploy(), false)) {
            guard.arm("d-RUNNING01");
            guard.onCancel();
        }

        assertThat(out.toString()).contains("Cancelled: deployment d-RUNNING01 carries on in CodeDeploy")
                .contains("java -jar target/ee-deployer.jar status d-RUNNING01")
                .contains("aws deploy stop-deployment --deployment-id d-RUNNING01 --auto-rollback-enabled");
        assertThat(fake.calls()).isEmpty();
    }

    @Test
    void with_stop_on_cancel_the_deployment_is_stopped_with_rollback() {
        try (CancelGuard guard = new CancelGuard(console, aws.codeDeploy(), true)) {
            guard.arm("d-RUNNING01");
            guard.onCancel();
        }

        assertThat(fake.calls("StopDeployment")).singleElement().satisfies(c -> {
            assertThat(c.param("deploymentId")).isEqualTo("d-RUNNING01");
            assertThat(c.param("autoRollbackEnabled")).isEqualTo("true");
        });
        assertThat(out.toString()).contains("stopping deployment d-RUNNING01 with rollback");
    }

    @Test
    void once_the_deployment_has_finished_a_late_signal_does_nothing() {
        CancelGuard guard = new CancelGuard(console, aws.codeDeploy(), true);
        guard.arm("d-RUNNING01");
        guard.close();

        guard.onCancel();

        assertThat(out.toString()).isEmpty();
        assertThat(fake.calls()).isEmpty();
    }
}
