package org.democracyclub.ee.deployer.deploy;

import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Timestamped progress lines for a person reading the CI log. */
public final class Console {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private final PrintWriter out;
    private final Pacer pacer;

    public Console(PrintWriter out, Pacer pacer) {
        this.out = out;
        this.pacer = pacer;
    }

    /** One timestamped line. Synchronized: the cancel guard may print from a shutdown hook. */
    public synchronized void say(String line) {
        out.println(TIME.format(pacer.now()) + "  " + line);
        out.flush();
    }

    /** Untimestamped continuation lines (diagnostics, log tails). */
    public synchronized void detail(String text) {
        for (String line : text.split("\\R", -1)) {
            out.println("            " + line);
        }
        out.flush();
    }
}
