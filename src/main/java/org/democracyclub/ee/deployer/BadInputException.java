package org.democracyclub.ee.deployer;

/** Bad input or usage, found before anything was changed: exit {@link ExitCode#BAD_INPUT}. */
public final class BadInputException extends RuntimeException {
    public BadInputException(String message) {
        super(message);
    }
}
