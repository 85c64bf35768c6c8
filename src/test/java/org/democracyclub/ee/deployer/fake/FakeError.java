package org.democracyclub.ee.deployer.fake;

/** An error answer the fake gives, as the service would (type and HTTP status). */
final class FakeError extends RuntimeException {
    final int status;
    final String type;

    FakeError(int status, String type, String message) {
        super(message);
        this.status = status;
        this.type = type;
    }
}
