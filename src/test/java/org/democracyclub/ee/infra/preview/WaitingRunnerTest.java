package org.democracyclub.ee.infra.preview;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.deployment.internal.EngineLogger;
import com.pulumi.deployment.internal.Runner;
import com.pulumi.exceptions.RunException;
import com.pulumi.resources.Resource;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

/** The offline runner does what the SDK's runner does, without the engine: tasks completed by hand. */
class WaitingRunnerTest {
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    /** Records what the runner reports, as the mock engine would. */
    private static final class RecordingLogger implements EngineLogger {
        final List<String> errors = new CopyOnWriteArrayList<>();

        @Override
        public CompletableFuture<Void> logAsync(Level severity, String message, Resource resource, Integer streamId,
                                                Boolean ephemeral) {
            if (severity == Level.SEVERE) {
                errors.add(message);
            }
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public int getErrorCount() {
            return errors.size();
        }

        @Override
        public boolean hasLoggedErrors() {
            return !errors.isEmpty();
        }
    }

    private final RecordingLogger logger = new RecordingLogger();
    private final WaitingRunner runner = new WaitingRunner(logger);

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
    }

    @Test
    void theResultWaitsForEveryTaskTheProgramRegistered() throws Exception {
        CompletableFuture<String> output = new CompletableFuture<>();
        CompletableFuture<Runner.Result<String>> result = runner.runAsync(() -> {
            runner.registerTask("an output", output);
            return "declared";
        });

        assertThat(result).isNotDone();
        output.complete("resolved");
        Runner.Result<String> done = await(result);

        assertThat(done.exitCode()).isEqualTo(Runner.ProcessExitedSuccessfully);
        assertThat(done.result()).contains("declared");
        assertThat(done.exceptions()).isEmpty();
        assertThat(logger.errors).isEmpty();
    }

    @Test
    void aTaskRegisteredWhileWaitingIsWaitedForToo() throws Exception {
        CompletableFuture<String> first = new CompletableFuture<>();
        CompletableFuture<String> second = new CompletableFuture<>();
        CompletableFuture<Void> declared = new CompletableFuture<>();
        CompletableFuture<Runner.Result<String>> result = runner.runAsync(() -> {
            runner.registerTask("first", first);
            declared.complete(null);
            return "declared";
        });
        await(declared);
        // As an output does: registered by the running program before what it waits for completes.
        runner.registerTask("second", second);

        first.complete("one");
        assertThat(result).isNotDone();
        second.complete("two");

        assertThat(await(result).exitCode()).isEqualTo(Runner.ProcessExitedSuccessfully);
    }

    @Test
    void aFailedTaskIsReportedAsTheSdkReportsAnUnhandledException() throws Exception {
        CompletableFuture<String> output = new CompletableFuture<>();
        CompletableFuture<Runner.Result<String>> result = runner.runAsync(() -> {
            runner.registerTask("an output", output);
            return "declared";
        });

        IllegalStateException cause = new IllegalStateException("the mock has no answer");
        output.completeExceptionally(cause);
        Runner.Result<String> done = await(result);

        assertThat(done.exitCode()).isEqualTo(Runner.ProcessExitedAfterLoggingUserActionableMessage);
        assertThat(done.exceptions()).contains(cause);
        assertThat(logger.errors).singleElement().asString()
                .startsWith("Running program [PID: " + ProcessHandle.current().pid() + "]")
                .contains("failed with an unhandled exception:").contains("the mock has no answer");
    }

    @Test
    void aRunExceptionIsLoggedWithItsMessageOnly() throws Exception {
        Runner.Result<Object> done = await(runner.runAsync(() -> {
            throw new RunException("stack production has invalid settings");
        }));

        assertThat(done.exitCode()).isEqualTo(Runner.ProcessExitedAfterLoggingUserActionableMessage);
        assertThat(done.result()).isEmpty();
        assertThat(logger.errors).containsExactly("stack production has invalid settings");
    }

    @Test
    void errorsLoggedByTheProgramMakeTheExitCodeNonZero() throws Exception {
        Runner.Result<String> done = await(runner.runAsync(() -> {
            logger.logAsync(Level.SEVERE, "a policy violation", null, null, null);
            return "declared";
        }));

        assertThat(done.exitCode()).isEqualTo(Runner.ProcessExitedBeforeLoggingUserActionableMessage);
        assertThat(done.exceptions()).isEmpty();
    }
}
