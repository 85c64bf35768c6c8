package org.democracyclub.ee.deployer.deploy;

import java.time.Duration;
import java.time.Instant;

/** Time and waiting, in one place so every wait is bounded by the same deadline logic. */
public interface Pacer {
    Instant now();

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
