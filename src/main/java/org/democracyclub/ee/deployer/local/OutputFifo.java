package org.democracyclub.ee.deployer.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A named pipe for a script's output. The agent reads a hook's output until every process
 * holding it has closed it, so a background child that keeps it open makes the event wait until
 * its timeout. Process's own pipe cannot show that (the JDK drains and closes it as soon as the
 * script exits); a FIFO we read ourselves reaches end-of-file exactly when the agent's would.
 */
final class OutputFifo {
    static final String NAME = "output";

    private OutputFifo() {
    }

    static Path create(Path dir) throws IOException, InterruptedException {
        Path fifo = dir.resolve(NAME);
        Process mkfifo = new ProcessBuilder("mkfifo", "-m", "600", fifo.toString()).redirectErrorStream(true).start();
        String message = new String(mkfifo.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (mkfifo.waitFor() != 0) {
            throw new IOException("mkfifo " + fifo + " failed: " + message.trim());
        }
        return fifo;
    }
}
