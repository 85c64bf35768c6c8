package org.democracyclub.ee.infra.preview;

import com.pulumi.core.internal.ContextAwareCompletableFuture;
import com.pulumi.core.internal.Exceptions;
import com.pulumi.deployment.internal.EngineLogger;
import com.pulumi.deployment.internal.Runner;
import com.pulumi.exceptions.LogException;
import com.pulumi.exceptions.ResourceException;
import com.pulumi.exceptions.RunException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;

/**
 * The Pulumi SDK's task runner for the offline runs, with the SDK's behaviour and without its
 * busy wait. pulumi-java 1.36.1's {@code DeploymentImpl$DefaultRunner} (read with javap) waits for
 * its in-flight tasks by re-submitting a check to the common pool until none is left, and formats
 * the whole task map into a debug message on every turn: under the mock engine that loop held one
 * of the two CPUs for the whole run and was 60% of a JFR profile of the preview. This runner keeps
 * what the SDK's does (the program runs, then every registered task is waited for; the first task
 * found failed, or the program's own exception, is reported through the engine logger exactly as the
 * SDK words it, with the same exit codes and the exceptions in the result) and sleeps until the
 * tasks it knows of are done, or one fails, instead of spinning. Used only under the mock engine ({@link OfflineRun}); a
 * {@code pulumi up} runs the SDK's own runner.
 */
final class WaitingRunner implements Runner {
    private final EngineLogger engineLogger;
    /** Each registered task, as the SDK keys it (a Void view of the task), with its descriptions. */
    private final ConcurrentHashMap<CompletableFuture<Void>, List<String>> inFlight = new ConcurrentHashMap<>();
    private final Queue<Exception> swallowed = new ConcurrentLinkedQueue<>();
    /** Completed when any task fails, so a waiting check stops at the first failure as the SDK's does. */
    private final CompletableFuture<Void> aTaskFailed = new CompletableFuture<>();

    WaitingRunner(EngineLogger engineLogger) {
        this.engineLogger = engineLogger;
    }

    @Override
    public <T> void registerTask(String description, CompletableFuture<T> task) {
        CompletableFuture<Void> key = task.thenApply(ignored -> null);
        inFlight.compute(key, (k, descriptions) -> {
            List<String> all = descriptions == null ? new ArrayList<>() : descriptions;
            all.add(description);
            return all;
        });
        key.whenComplete((ignored, error) -> {
            if (error != null) {
                aTaskFailed.complete(null);
            }
        });
    }

    @Override
    public <T> CompletableFuture<Result<T>> runAsync(Supplier<T> program) {
        CompletableFuture<T> value = ContextAwareCompletableFuture.supplyAsync(program);
        registerTask("WaitingRunner#runAsync", value);
        return value.thenCompose(v -> allTasksDone().thenApply(ignored -> v))
                .handle((v, error) -> error != null
                        ? handle(error).thenApply(code -> result(code, v))
                        : CompletableFuture.completedFuture(result(engineLogger.hasLoggedErrors()
                                ? ProcessExitedBeforeLoggingUserActionableMessage : ProcessExitedSuccessfully, v)))
                .thenCompose(result -> result);
    }

    private <T> Result<T> result(int exitCode, T value) {
        return new Result<>(exitCode, List.copyOf(swallowed), Optional.ofNullable(value)) {
        };
    }

    /** Completes when no task is in flight, or fails with the first failed task found. */
    private CompletableFuture<Void> allTasksDone() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        check(done);
        return done;
    }

    private void check(CompletableFuture<Void> done) {
        try {
            for (CompletableFuture<Void> task : inFlight.keySet()) {
                if (task.isDone()) {
                    try {
                        task.join();
                    } finally {
                        inFlight.remove(task);
                    }
                }
            }
        } catch (RuntimeException failed) {
            done.completeExceptionally(failed);
            return;
        }
        CompletableFuture<?>[] pending = inFlight.keySet().toArray(CompletableFuture[]::new);
        if (pending.length == 0) {
            done.complete(null);
        } else {
            // Look again when all of these are done (tasks registered meanwhile are found then),
            // or at once when one fails.
            CompletableFuture.anyOf(CompletableFuture.allOf(pending), aTaskFailed)
                    .handle((ignored, error) -> null)
                    .thenRunAsync(() -> check(done));
        }
    }

    /** The SDK's {@code handleExceptionAsync}: what it logs for each kind of failure, and the exit code. */
    private CompletableFuture<Integer> handle(Throwable error) {
        return handle(error instanceof Exception e ? e : new RunException("unexpected throwable", error));
    }

    private CompletableFuture<Integer> handle(Exception e) {
        swallowed.add(e);
        if (e instanceof LogException) {
            return ContextAwareCompletableFuture.supplyAsync(() -> {
                System.err.printf("Error occurred trying to send logging message to engine: %s%n", e.getMessage());
                return ProcessExitedBeforeLoggingUserActionableMessage;
            });
        }
        if (e instanceof CompletionException && e.getCause() instanceof Exception cause) {
            return handle(cause);
        }
        if (e instanceof RunException) {
            return engineLogger.errorAsync(e.getMessage()).thenApply(ignored -> ProcessExitedAfterLoggingUserActionableMessage);
        }
        if (e instanceof ResourceException resourceError) {
            String message = resourceError.isHideStack() ? resourceError.getMessage() : Exceptions.getStackTrace(resourceError);
            return engineLogger.errorAsync(message, resourceError.getResource().orElse(null))
                    .thenApply(ignored -> ProcessExitedAfterLoggingUserActionableMessage);
        }
        ProcessHandle self = ProcessHandle.current();
        return engineLogger.errorAsync(String.format("Running program [PID: %d](%s) failed with an unhandled exception:\n%s",
                        self.pid(), self.info().commandLine().orElse("unknown"), Exceptions.getStackTrace(e)))
                .thenApply(ignored -> ProcessExitedAfterLoggingUserActionableMessage);
    }
}
