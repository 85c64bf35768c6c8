package org.democracyclub.ee.infra.settings;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What runs on a schedule and who hears about failures (docs/operations.md, docs/adr/0006): the
 * environment's jobs, the alarms' subscribers and thresholds, the backup bucket, the nightly
 * power-off and the load-based scaling. Read and validated once by {@link SettingsReader}.
 *
 * @param jobs          the jobs, each run once per environment on one live instance
 * @param jobLogRetentionDays days CloudWatch Logs keeps the jobs' output
 * @param alarms        where alarms go and when they fire
 * @param backups       the backup bucket, when this environment has one
 * @param power         the nightly power-off and optional morning power-on
 * @param scaling       target tracking and busy windows
 */
public record OperationsSettings(
        List<Job> jobs,
        int jobLogRetentionDays,
        Alarms alarms,
        Optional<Backups> backups,
        Power power,
        Scaling scaling) {

    /**
     * One scheduled job.
     *
     * @param name           unique within the environment: letters, digits and dashes
     * @param schedule       an EventBridge Scheduler expression, {@code cron(...)} or {@code rate(...)}
     * @param timeZone       the IANA time zone the cron expression is read in (UTC by default)
     * @param command        the shell command, run as the app user in the code directory
     * @param timeoutSeconds how long the command may run before Run Command stops it
     */
    public record Job(String name, String schedule, String timeZone, String command, int timeoutSeconds) {
    }

    /**
     * @param emails             addresses subscribed to the alarm topic (each must confirm once)
     * @param chatWebhook        an HTTPS endpoint subscribed to the topic, if any
     * @param http5xxPerFiveMinutes 5xx answers in five minutes that raise the alarm
     */
    public record Alarms(List<String> emails, Optional<String> chatWebhook, int http5xxPerFiveMinutes) {
    }

    /**
     * @param bucket                 the bucket the backup job writes to
     * @param expireAfterDays        days a backup is kept
     * @param noncurrentExpireAfterDays days an overwritten or deleted backup's old version is kept
     * @param adoptExisting          whether the next up imports the existing bucket instead of creating it
     */
    public record Backups(String bucket, int expireAfterDays, int noncurrentExpireAfterDays, boolean adoptExisting) {
    }

    /**
     * @param offSchedule when the fleet is scaled to zero, or empty when it never is
     * @param onSchedule  when it is brought back to the stack's capacity, or empty
     * @param timeZone    the time zone both are read in
     */
    public record Power(Optional<String> offSchedule, Optional<String> onSchedule, String timeZone) {
    }

    /**
     * @param requestsPerTarget the target-tracking value (requests per instance per minute), 0 for none
     * @param busyWindows       times when the fleet keeps at least a given size
     */
    public record Scaling(int requestsPerTarget, List<BusyWindow> busyWindows) {
    }

    /** From {@code start} to {@code end} (UTC) the fleet has at least {@code minSize} instances. */
    public record BusyWindow(Instant start, Instant end, int minSize) {
    }
}
