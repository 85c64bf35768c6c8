package org.democracyclub.ee.deployer.aws;

import java.io.OutputStream;
import java.io.PrintStream;

/**
 * The SDK logs through SLF4J, and the jar has no SLF4J binding on purpose (nothing the SDK logs
 * is for the CI reader). SLF4J 1.7 then prints a three-line "Failed to load class
 * StaticLoggerBinder" warning to stderr, which reads like an error in a failed job's log; this
 * initialises SLF4J once with stderr muted so the warning is not shown.
 */
final class QuietLogging {
    private static boolean done;

    private QuietLogging() {
    }

    static synchronized void initialise() {
        if (done) {
            return;
        }
        done = true;
        PrintStream err = System.err;
        try {
            System.setErr(new PrintStream(OutputStream.nullOutputStream()));
            org.slf4j.LoggerFactory.getILoggerFactory();
        } finally {
            System.setErr(err);
        }
    }
}
