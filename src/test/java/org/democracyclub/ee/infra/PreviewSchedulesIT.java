package org.democracyclub.ee.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.democracyclub.ee.infra.settings.ProjectFile;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import picocli.CommandLine;

/** The preview shows each stack's schedules as a table; Pulumi.yaml declares the list settings. */
class PreviewSchedulesIT {
    private final StringWriter out = new StringWriter();

    private String preview(String... args) {
        CommandLine cli = new CommandLine(new InfraMain());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(new StringWriter()));
        String[] full = new String[args.length + 1];
        full[0] = "preview";
        System.arraycopy(args, 0, full, 1, args.length);
        assertThat(cli.execute(full)).isZero();
        return out.toString();
    }

    @Test
    void productionsTableListsEachJobWithWhenAndWhatItRuns() {
        String text = preview("--stack", "production");
        assertThat(text).contains("Schedules (EventBridge Scheduler):")
                .containsPattern("ee-job-backup +cron\\(30 1 \\* \\* \\? \\*\\) +UTC +ee-ops-run-job +backup:"
                        + " serverscripts/backup_db_to_s3.sh \\(timeout 3600 s\\)")
                .containsPattern("ee-job-snoop +cron\\(30 \\* \\* \\* \\? \\*\\) +UTC +ee-ops-run-job +snoop:"
                        + " manage-py-command snoop")
                .containsPattern("ee-apply-scaling +rate\\(1 hour\\) +UTC +ee-ops-fleet-capacity +Action=ApplyScaling")
                .doesNotContain("ee-power-off");
    }

    @Test
    void stagingsTableHasThePowerOffAndNoJob() {
        String text = preview("--stack", "staging");
        assertThat(text).containsPattern("ee-power-off +cron\\(30 22 \\* \\* \\? \\*\\) +UTC +ee-ops-fleet-capacity"
                + " +Action=PowerOff").doesNotContain("ee-job-");
    }

    @Test
    void theJsonPreviewCarriesTheSameRows() throws IOException {
        JsonNode json = new ObjectMapper().readTree(preview("--stack", "production", "--format", "json"));
        assertThat(json.get("schedules").findValuesAsText("schedule")).hasSize(7).contains("ee-job-scrape-lgbce");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theListSettingsAreDeclaredWithTypeDescriptionAndDefaultOutsidePulumisConfigBlock() throws IOException {
        Map<String, Object> project = new Yaml().load(Files.readString(Path.of(ProjectFile.FILE_NAME)));
        Map<String, Object> structured = (Map<String, Object>) project.get(ProjectFile.STRUCTURED_BLOCK);
        assertThat(structured).containsOnlyKeys("jobs", "alarmEmails", "busyWindows");
        structured.forEach((key, spec) -> assertThat((Map<String, Object>) spec).as(key)
                .containsEntry("type", "list").containsKeys("description").containsEntry("default", java.util.List.of()));
        assertThat((Map<String, Object>) project.get("config")).doesNotContainKeys("jobs", "alarmEmails", "busyWindows");
    }
}
