package org.democracyclub.ee.deployer.deploy;

import java.time.Duration;

/**
 * Exponential back-off with jitter: half of each wait fixed, half random, so two deploy jobs that
 * were refused together do not retry in step. Random and clock come from the {@link Pacer}.
 */
public final class Backoff {
    private final Duration base;
    private final Duration max;
    private final Pacer pacer;
    private int attempt;

    public Backoff(Duration base, Duration max, Pacer pacer) {
        this.base = base;
        this.max = max;
        this.pacer = pacer;
    }

    /** The wait before the next try: base, 2 x base, 4 x base... up to max, each with jitter. */
    public Duration next() {
        long ceiling = Math.min(max.toMillis(), base.toMillis() << Math.min(attempt, 20));
        attempt++;
        return Duration.ofMillis(ceiling / 2 + (long) (pacer.random() * (ceiling / 2 + 1)));
    }

    public void reset() {
        attempt = 0;
    }
}
