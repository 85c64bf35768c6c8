package org.democracyclub.ee.deployer.deploy;

/** The timeout passed before a deployment was created (waiting for the fleet or the queue). */
public final class TimedOutException extends RuntimeException {
    public TimedOutException(String message) {
        super(message);
    }
}
