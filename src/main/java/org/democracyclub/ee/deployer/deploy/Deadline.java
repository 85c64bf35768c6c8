package org.democracyclub.ee.deployer.deploy;

import java.time.Duration;
import java.time.Instant;

/** The end of the overall {@code --timeout}; every wait in a deployment is bounded by it. */
public record Deadline(Instant end, Pacer pacer) {
    public static Deadline after(Duration timeout, Pacer pacer) {
        return new Deadline(pacer.now().plus(timeout), pacer);
    }

    public boolean passed() {
        return !pacer.now().isBefore(end);
    }

    public Duration remaining() {
        Duration left = Duration.between(pacer.now(), end);
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** Sleeps for {@code interval}, or until the deadline if that is sooner. */
    public void sleep(Duration interval) {
        Duration left = remaining();
        pacer.sleep(interval.compareTo(left) < 0 ? interval : left);
    }
}
