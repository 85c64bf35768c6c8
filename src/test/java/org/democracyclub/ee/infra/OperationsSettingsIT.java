package org.democracyclub.ee.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.democracyclub.ee.infra.program.Stacks;
import org.democracyclub.ee.infra.settings.InvalidSettingsException;
import org.democracyclub.ee.infra.settings.OperationsSettings;
import org.democracyclub.ee.infra.settings.OperationsSettings.Job;
import org.democracyclub.ee.infra.settings.ProjectFile;
import org.democracyclub.ee.infra.settings.SettingsReader;
import org.democracyclub.ee.infra.settings.StackConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operations settings: jobs, alarms, backups, power, scaling; every bad input names file, key, value, fix. */
class OperationsSettingsIT {
    @TempDir
    Path project;

    @BeforeEach
    void copyTheRealProjectFile() throws IOException {
        Files.copy(Path.of(ProjectFile.FILE_NAME), project.resolve(ProjectFile.FILE_NAME));
    }

    private OperationsSettings read(String stack, String stackFile) throws IOException {
        Files.writeString(project.resolve("Pulumi." + stack + ".yaml"), stackFile);
        return SettingsReader.read(ProjectFile.read(project), StackConfig.fromStackFile(project, stack)).operations();
    }

    private String problemsOf(String stack, String stackFile) {
        try {
            read(stack, stackFile);
        } catch (InvalidSettingsException e) {
            return String.join("\n", e.problems());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("expected the settings to be rejected:\n" + stackFile);
    }

    private String problemsOf(String stackFile) {
        return problemsOf("staging", stackFile);
    }

    private static String stack(String... lines) {
        return "config:\n  aws:region: eu-west-2\n" + String.join("", java.util.Arrays.stream(lines)
                .map(l -> "  " + l + "\n").toList());
    }

    private static String jobs(String... entries) {
        return stack("every-election:jobs:", String.join("\n  ", entries));
    }

    @Test
    void byDefaultThereIsNoJobAndTheFleetIsPoweredOffAt2230Utc() throws IOException {
        OperationsSettings ops = read("staging", stack());
        assertThat(ops.jobs()).isEmpty();
        assertThat(ops.power().offSchedule()).contains("cron(30 22 * * ? *)");
        assertThat(ops.power().onSchedule()).isEmpty();
        assertThat(ops.backups()).isEmpty();
        assertThat(ops.alarms().emails()).isEmpty();
        assertThat(ops.scaling().requestsPerTarget()).isEqualTo(600);
    }

    @Test
    void productionsStackFileDeclaresTheSixJobs() {
        List<Job> jobs = Stacks.settings("production").operations().jobs();
        assertThat(jobs).extracting(Job::name).containsExactly("backup", "snoop", "update-pmtiles", "add-nuts1-tags",
                "scrape-lgbce", "export-wkt-ballots");
        assertThat(jobs.get(0)).isEqualTo(new Job("backup", "cron(30 1 * * ? *)", "UTC",
                "serverscripts/backup_db_to_s3.sh", 3600));
        var backups = Stacks.settings("production").operations().backups().orElseThrow();
        assertThat(backups.bucket()).isEqualTo("dc-ee-production-database-backups");
        assertThat(backups.adoptExisting()).isTrue();
    }

    @Test
    void aJobWithAllItsKeysIsRead() throws IOException {
        OperationsSettings ops = read("staging", jobs("- name: nightly", "  schedule: cron(0 4 ? * MON-FRI *)",
                "  timeZone: Europe/London", "  command: manage-py-command snoop", "  timeoutSeconds: 600"));
        assertThat(ops.jobs()).containsExactly(new Job("nightly", "cron(0 4 ? * MON-FRI *)", "Europe/London",
                "manage-py-command snoop", 600));
    }

    @Test
    void aFiveFieldCronIsRejectedWithTheGrammar() {
        assertThat(problemsOf(jobs("- name: snoop", "  schedule: cron(30 * * * ?)", "  command: manage-py-command snoop")))
                .contains("Pulumi.staging.yaml line 3: every-election:jobs[0].schedule: 'cron(30 * * * ?)' is not a schedule"
                        + " (a cron expression has six fields (minutes hours day-of-month month day-of-week year),"
                        + " this one has 5)")
                .contains("allowed: cron(minutes hours day-of-month month day-of-week year), e.g. cron(30 1 * * ? *)");
    }

    @Test
    void outOfRangeFieldsAndTwoDayFieldsAreRejected() {
        assertThat(problemsOf(jobs("- name: a", "  schedule: cron(61 * * * ? *)", "  command: x",
                "- name: b", "  schedule: cron(0 1 * * * *)", "  command: x",
                "- name: c", "  schedule: rate(5 minute)", "  command: x",
                "- name: d", "  schedule: every day", "  command: x")))
                .contains("jobs[0].schedule: 'cron(61 * * * ? *)' is not a schedule (minutes 61 is out of range (0-59))")
                .contains("jobs[1].schedule: 'cron(0 1 * * * *)' is not a schedule (exactly one of day-of-month and"
                        + " day-of-week must be '?'")
                .contains("jobs[2].schedule: 'rate(5 minute)' is not a schedule (say rate(1 minute) but rate(5 minutes))")
                .contains("jobs[3].schedule: 'every day' is not a schedule (not cron(...) or rate(...))");
    }

    @Test
    void anUnknownKeyADuplicateNameAndAnEmptyCommandAreRejected() {
        String problems = problemsOf(jobs("- name: snoop", "  schedule: rate(1 hour)", "  command: manage-py-command snoop",
                "  comand: typo", "- name: snoop", "  schedule: rate(2 hours)", "  command: '  '"));
        assertThat(problems)
                .contains("Pulumi.staging.yaml line 3: every-election:jobs[0].comand is not a key of jobs; allowed:"
                        + " [command, name, schedule, timeZone, timeoutSeconds]")
                .contains("every-election:jobs[1].name: 'snoop' is used by another job; give each job its own name")
                .contains("every-election:jobs[1].command: '  ' is empty; allowed: a shell command");
    }

    @Test
    void aBadNameTimeZoneOrTimeoutIsRejected() {
        assertThat(problemsOf(jobs("- name: Snoop Job", "  schedule: rate(1 hour)", "  command: x",
                "  timeZone: London", "  timeoutSeconds: 5")))
                .contains("jobs[0].name: 'Snoop Job' is not valid; allowed: lower-case letters, digits and dashes")
                .contains("jobs[0].timeZone: 'London' is not a time zone; allowed: an IANA name such as UTC or Europe/London")
                .contains("jobs[0].timeoutSeconds: '5' is not valid; allowed: a whole number of seconds, 60 to 172800");
    }

    @Test
    void jobsThatAreNotAListAreRejected() {
        assertThat(problemsOf(stack("every-election:jobs: backup")))
                .contains("every-election:jobs: 'backup' is not a list; allowed: a YAML list");
    }

    @Test
    void productionRefusesAPowerOffUnlessForced() throws IOException {
        assertThat(problemsOf("production", stack("every-election:powerOffSchedule: cron(30 22 * * ? *)")))
                .contains("Pulumi.production.yaml line 3: every-election:powerOffSchedule: 'cron(30 22 * * ? *)' would"
                        + " power production off every night; refused")
                .contains("every-election:powerOffForce: true");
        assertThat(read("production", stack()).power().offSchedule()).isEmpty();
        assertThat(read("production", stack("every-election:powerOffSchedule: cron(0 23 * * ? *)",
                "every-election:powerOffForce: true")).power().offSchedule()).contains("cron(0 23 * * ? *)");
    }

    @Test
    void powerOffCanBeTurnedOffOrMovedAndAPowerOnAdded() throws IOException {
        assertThat(read("staging", stack("every-election:powerOffSchedule: ''")).power().offSchedule()).isEmpty();
        OperationsSettings.Power power = read("staging", stack("every-election:powerOnSchedule: cron(0 7 ? * MON-FRI *)",
                "every-election:powerTimeZone: Europe/London")).power();
        assertThat(power.onSchedule()).contains("cron(0 7 ? * MON-FRI *)");
        assertThat(power.timeZone()).isEqualTo("Europe/London");
        assertThat(problemsOf(stack("every-election:powerOnSchedule: 7am")))
                .contains("every-election:powerOnSchedule: '7am' is not a schedule");
    }

    @Test
    void busyWindowsAreReadAndBadOnesRejected() throws IOException {
        var windows = read("staging", stack("every-election:busyWindows:",
                "- {start: '2026-05-07T20:00:00Z', end: '2026-05-08T06:00:00Z', minSize: 2}")).scaling().busyWindows();
        assertThat(windows).containsExactly(new OperationsSettings.BusyWindow(Instant.parse("2026-05-07T20:00:00Z"),
                Instant.parse("2026-05-08T06:00:00Z"), 2));
        assertThat(problemsOf(stack("every-election:busyWindows:",
                "- {start: '2026-05-08T06:00:00Z', end: '2026-05-07T20:00:00Z', minSize: 9}",
                "- {start: 'tomorrow', end: '2026-05-07T20:00:00Z', minSize: 1, size: 3}")))
                .contains("every-election:busyWindows[0].minSize: '9' is not valid; allowed: 1 to maxSize (2)")
                .contains("every-election:busyWindows[0]: start 2026-05-08T06:00:00Z is not before end 2026-05-07T20:00:00Z")
                .contains("every-election:busyWindows[1].start: 'tomorrow' is not a UTC date-time")
                .contains("every-election:busyWindows[1].size is not a key of busyWindows");
    }

    @Test
    void alarmSubscribersAreCheckedAndAWebhookMustBeHttps() throws IOException {
        OperationsSettings.Alarms alarms = read("staging", stack("every-election:alarmEmails: [ops@example.org]",
                "every-election:alarmChatWebhook: https://chat.example.org/hooks/sns")).alarms();
        assertThat(alarms.emails()).containsExactly("ops@example.org");
        assertThat(alarms.chatWebhook()).contains("https://chat.example.org/hooks/sns");
        assertThat(problemsOf(stack("every-election:alarmEmails: [ops-at-example]",
                "every-election:alarmChatWebhook: http://chat.example.org/hook", "every-election:alarm5xxPerFiveMinutes: 0")))
                .contains("every-election:alarmEmails[0]: 'ops-at-example' is not an email address")
                .contains("every-election:alarmChatWebhook: 'http://chat.example.org/hook' is not valid; allowed: empty,"
                        + " or an https:// URL")
                .contains("every-election:alarm5xxPerFiveMinutes: '0' is not valid; allowed: a whole number, 1 or more");
    }

    @Test
    void aLogRetentionCloudWatchDoesNotOfferIsRejected() {
        assertThat(problemsOf(stack("every-election:jobLogRetentionDays: 31")))
                .contains("every-election:jobLogRetentionDays: '31' is not valid; allowed: one of CloudWatch Logs'"
                        + " retention values [1, 3, 5, 7, 14, 30, 60");
    }

    @Test
    void aStructuredValueReadsTheSameFromTheStackFileAsFromTheEngine() throws IOException {
        Files.writeString(project.resolve("Pulumi.staging.yaml"), stack("every-election:alarmEmails:",
                "  - a@example.org", "  - b@example.org"));
        var fromFile = StackConfig.fromStackFile(project, "staging").values().get("every-election:alarmEmails").text();
        var fromEngine = StackConfig.fromEngine("staging", Map.of("PULUMI_CONFIG",
                "{\"every-election:alarmEmails\":\"[\\\"a@example.org\\\",\\\"b@example.org\\\"]\"}"))
                .values().get("every-election:alarmEmails").text();
        assertThat(fromFile).isEqualTo(fromEngine).isEqualTo("[\"a@example.org\",\"b@example.org\"]");
    }
}
