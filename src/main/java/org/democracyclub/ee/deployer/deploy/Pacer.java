package org.democracyclub.ee.deployer.deploy;

import java.time.Duration;
import java.time.Instant;

/**
 * Time, waiting and jitter, in one place so every wait is bounded by the same deadline logic and
 * tests can run every wait on a virtual clock with a fixed jitter.
 */
public interface Pacer {
    Instant now();

    /** A number in [0, 1) for back-off jitter. */
    default double random() {
        return java.util.concurrent.ThreadLocalRandom.current().nextDouble();
    }

    /** Sleeps; an interrupt (the JVM shutting down) becomes {@link CancelledException}. */
    void sleep(Duration duration);

    Pacer SYSTEM = new Pacer() {
        @Override
        public Instant now() {
            return Instant.now();
        }

        @Override
        public void sleep(Duration duration) {
            if (duration.isNegative() || duration.isZero()) {
                return;
            }
            try {
                Thread.sleep(duration.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancelledException();
            }
        }
    };
}
