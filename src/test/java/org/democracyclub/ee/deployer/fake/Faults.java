package org.democracyclub.ee.deployer.fake;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/**
 * Seeded fault injection on every call, plus faults scripted for the next calls of one action
 * (to make a rare path, like a lost CreateDeployment answer, happen for sure).
 */
public final class Faults {
    private final Random random;
    private final double throttleRate;
    private final double errorRate;
    private final Map<String, Deque<Fault>> scripted = new HashMap<>();

    private Faults(long seed, double throttleRate, double errorRate) {
        this.random = new Random(seed);
        this.throttleRate = throttleRate;
        this.errorRate = errorRate;
    }

    public static Faults none() {
        return new Faults(0, 0, 0);
    }

    /** e.g. {@code random(42, 0.25, 0.10)}: 25% throttled, 10% server errors (half of them after executing). */
    public static Faults random(long seed, double throttleRate, double errorRate) {
        return new Faults(seed, throttleRate, errorRate);
    }

    /** The next calls of {@code action} get these faults, in order, before random ones apply. */
    public synchronized Faults script(String action, Fault... faults) {
        Deque<Fault> queue = scripted.computeIfAbsent(action, a -> new ArrayDeque<>());
        for (Fault f : faults) {
            queue.add(f);
        }
        return this;
    }

    synchronized Fault next(String action) {
        Deque<Fault> queue = scripted.get(action);
        if (queue != null && !queue.isEmpty()) {
            return queue.poll();
        }
        double r = random.nextDouble();
        if (r < throttleRate) {
            return Fault.THROTTLE;
        }
        if (r < throttleRate + errorRate) {
            return random.nextBoolean() ? Fault.ERROR_BEFORE : Fault.ERROR_AFTER;
        }
        return Fault.NONE;
    }
}
