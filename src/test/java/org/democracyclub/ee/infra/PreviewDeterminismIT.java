package org.democracyclub.ee.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The preview prints the same bytes on every run: CI compares previews and people diff them, so
 * nothing in the output may depend on map order or on the order the mock engine's threads
 * register resources in.
 */
class PreviewDeterminismIT {

    private static String preview(String format) {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new InfraMain());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(new StringWriter()));
        assertThat(cli.execute("preview", "--stack", "production", "--format", format)).isZero();
        return out.toString();
    }

    /** JSON holds every property the text shows, so one format is enough. */
    @Test
    void twoRunsOfTheSamePreviewPrintTheSameBytes() {
        String first = preview("json");
        String second = preview("json");
        assertThat(first).contains("ee-certificates-viewer").contains("dc-environment");
        assertThat(second).isEqualTo(first);
    }
}
