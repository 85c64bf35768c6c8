package org.democracyclub.ee.deployer.fake;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.democracyclub.ee.deployer.deploy.Pacer;

/**
 * A clock that moves only when the deployer sleeps, and a fixed jitter: tests of waits and
 * back-offs run in no real time and give the same answer every run. Records every sleep.
 */
public final class VirtualPacer implements Pacer {
    /** Starts at the real time, so the fake's creation times fall inside the deployer's look-up windows. */
    private Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    private final List<Duration> sleeps = new ArrayList<>();
    private final double jitter;

    public VirtualPacer(double jitter) {
        this.jitter = jitter;
    }

    @Override
    public synchronized Instant now() {
        return now;
    }

    @Override
    public synchronized void sleep(Duration duration) {
        if (!duration.isNegative()) {
            sleeps.add(duration);
            now = now.plus(duration);
        }
    }

    @Override
    public double random() {
        return jitter;
    }

    public synchronized List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    public synchronized Duration slept() {
        return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
    }
}
