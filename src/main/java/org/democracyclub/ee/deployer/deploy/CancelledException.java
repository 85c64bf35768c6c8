package org.democracyclub.ee.deployer.deploy;

/** The deployer was interrupted while waiting; the cancel guard has already said what to do. */
public final class CancelledException extends RuntimeException {
    public CancelledException() {
        super("cancelled");
    }
}
