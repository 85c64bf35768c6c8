package org.democracyclub.ee.infra;

/**
 * Pulumi's SDK runs its many small asynchronous steps with {@code CompletableFuture.*Async} and
 * no executor, that is on the JDK's default async pool. When the common fork-join pool's
 * parallelism is below 2 (the default on a machine with 2 CPUs is CPUs - 1 = 1), the JDK
 * replaces that pool with a new thread per task ({@code CompletableFuture}'s
 * {@code ThreadPerTaskExecutor}, JDK 17 source): one preview of a stack started ~800 threads
 * (JFR {@code jdk.ThreadStart}), against 8 with the pool. A parallelism set before the pool is
 * first used keeps the pool; one given on the command line wins.
 */
final class AsyncPool {
    static final String PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";
    /** Enough for the SDK's steps to overlap; blocking joins get compensating threads anyway. */
    static final int MIN_PARALLELISM = 4;

    private AsyncPool() {
    }

    /** Call first in {@code main}, before anything touches the common pool. */
    static void useSharedPool() {
        if (System.getProperty(PARALLELISM) == null) {
            System.setProperty(PARALLELISM, String.valueOf(
                    Math.max(MIN_PARALLELISM, Runtime.getRuntime().availableProcessors())));
        }
    }
}
