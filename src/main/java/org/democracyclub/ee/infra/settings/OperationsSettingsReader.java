package org.democracyclub.ee.infra.settings;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.democracyclub.ee.infra.settings.OperationsSettings.Alarms;
import org.democracyclub.ee.infra.settings.OperationsSettings.Backups;
import org.democracyclub.ee.infra.settings.OperationsSettings.BusyWindow;
import org.democracyclub.ee.infra.settings.OperationsSettings.Job;
import org.democracyclub.ee.infra.settings.OperationsSettings.Power;
import org.democracyclub.ee.infra.settings.OperationsSettings.Scaling;

/**
 * Reads the operations settings (jobs, alarms, backups, power, scaling) for {@link SettingsReader}.
 * Like the other settings, every problem is recorded with the file, the key (and list index), the
 * value and what is allowed, so one run lists them all.
 */
final class OperationsSettingsReader {
    static final Set<String> JOB_KEYS = Set.of("name", "schedule", "timeZone", "command", "timeoutSeconds");
    static final Set<String> WINDOW_KEYS = Set.of("start", "end", "minSize");
    static final int DEFAULT_JOB_TIMEOUT_SECONDS = 3600;
    /** AWS-RunShellScript's executionTimeout allows 1 to 172800 seconds. */
    static final int MAX_JOB_TIMEOUT_SECONDS = 172800;
    /** The values CloudWatch Logs accepts as a log group's retention (PutRetentionPolicy). */
    static final Set<Integer> LOG_RETENTION_DAYS = Set.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400,
            545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);
    private static final Pattern JOB_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[a-z]{2,}");
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

    private final TypedConfig values;
    private final RecordListConfig lists;
    private final Environment environment;

    OperationsSettingsReader(TypedConfig values, List<String> problems, Environment environment) {
        this.values = values;
        this.lists = new RecordListConfig(values, problems);
        this.environment = environment;
    }

    OperationsSettings read(int maxSize) {
        int retention = values.integer("jobLogRetentionDays", LOG_RETENTION_DAYS::contains,
                "one of CloudWatch Logs' retention values " + new java.util.TreeSet<>(LOG_RETENTION_DAYS));
        return new OperationsSettings(jobs(), retention, alarms(), backups(), power(), scaling(maxSize));
    }

    private List<Job> jobs() {
        String key = "jobs";
        List<Job> jobs = new ArrayList<>();
        Set<String> names = new HashSet<>();
        List<Map<String, Object>> entries = lists.records(key, JOB_KEYS);
        for (int i = 0; i < entries.size(); i++) {
            Map<String, Object> entry = entries.get(i);
            String at = lists.at(key, i);
            String name = RecordListConfig.text(entry, "name");
            if (name == null || !JOB_NAME.matcher(name).matches()) {
                lists.problem(key, at + ".name: '" + RecordListConfig.orEmpty(name) + "' is not valid; allowed: lower-case letters, digits"
                        + " and dashes, at most 40, e.g. backup");
            } else if (!names.add(name)) {
                lists.problem(key, at + ".name: '" + name + "' is used by another job; give each job its own name");
            }
            String schedule = RecordListConfig.text(entry, "schedule");
            ScheduleExpression.problem(schedule).ifPresent(why -> lists.problem(key, at + ".schedule: '" + RecordListConfig.orEmpty(schedule)
                    + "' is not a schedule (" + why + "); allowed: cron(minutes hours day-of-month month day-of-week"
                    + " year), e.g. cron(30 1 * * ? *), or rate(VALUE UNIT), e.g. rate(1 hour)"));
            String zone = Optional.ofNullable(RecordListConfig.text(entry, "timeZone")).orElse("UTC");
            RecordListConfig.zoneProblem(zone).ifPresent(why -> lists.problem(key, at + ".timeZone: " + why));
            String command = RecordListConfig.text(entry, "command");
            if (command == null || command.isBlank()) {
                lists.problem(key, at + ".command: '" + RecordListConfig.orEmpty(command) + "' is empty; allowed: a shell command, e.g."
                        + " manage-py-command snoop");
            }
            int timeout = DEFAULT_JOB_TIMEOUT_SECONDS;
            if (entry.containsKey("timeoutSeconds")) {
                Object raw = entry.get("timeoutSeconds");
                timeout = raw instanceof Integer n ? n : -1;
                if (timeout < 60 || timeout > MAX_JOB_TIMEOUT_SECONDS) {
                    lists.problem(key, at + ".timeoutSeconds: '" + raw + "' is not valid; allowed: a whole number of seconds,"
                            + " 60 to " + MAX_JOB_TIMEOUT_SECONDS);
                }
            }
            jobs.add(new Job(name, schedule, zone, command == null ? "" : command.strip(), timeout));
        }
        return List.copyOf(jobs);
    }

    private Alarms alarms() {
        String key = "alarmEmails";
        List<String> emails = new ArrayList<>();
        List<Object> raw = lists.list(key);
        for (int i = 0; i < raw.size(); i++) {
            Object email = raw.get(i);
            if (!(email instanceof String s) || !EMAIL.matcher(s).matches()) {
                lists.problem(key, lists.at(key, i) + ": '" + email + "' is not an email address; allowed: e.g. ops@example.org");
            } else {
                emails.add(s);
            }
        }
        Optional<String> webhook = webhook();
        int threshold = values.integer("alarm5xxPerFiveMinutes", n -> n >= 1, "a whole number, 1 or more");
        return new Alarms(List.copyOf(emails), webhook, threshold);
    }

    private Optional<String> webhook() {
        String name = "alarmChatWebhook";
        ConfigValue value = values.value(name);
        if (value != null && value.secret() && value.text() == null) {
            // Offline the secret's text is unknown; the subscription is still declared.
            return Optional.of(OFFLINE_WEBHOOK);
        }
        String url = values.raw(name);
        if (url == null || url.isEmpty()) {
            return Optional.empty();
        }
        if (!url.startsWith("https://") || url.contains(" ")) {
            lists.problem(name, "'" + (value != null && value.secret() ? "[secret]" : url)
                    + "' is not valid; allowed: empty, or an https:// URL that confirms SNS subscriptions");
        }
        return Optional.of(url);
    }

    /** What the offline preview subscribes in place of a webhook kept as a Pulumi secret. */
    static final String OFFLINE_WEBHOOK = "https://offline-preview-placeholder.invalid/webhook";

    /** The bucket the app's backup script writes to; the instance role's grant reads the same key (AppAccess). */
    static final String BACKUP_BUCKET = "databaseBackupBucket";

    private Optional<Backups> backups() {
        String bucket = values.raw(BACKUP_BUCKET);
        int expire = values.integer("backupExpireAfterDays", n -> n >= 1, "a whole number of days, 1 or more");
        int noncurrent = values.integer("backupNoncurrentExpireAfterDays", n -> n >= 1, "a whole number of days, 1 or more");
        boolean adopt = values.bool("backupBucketImport");
        if (bucket == null || bucket.isEmpty()) {
            return Optional.empty();
        }
        if (!BUCKET.matcher(bucket).matches()) {
            lists.problem(BACKUP_BUCKET, "'" + bucket + "' is not a bucket name; allowed: empty, or 3 to 63 lower-case"
                    + " letters, digits, dots and dashes");
        }
        return Optional.of(new Backups(bucket, expire, noncurrent, adopt));
    }

    private Power power() {
        boolean force = values.bool("powerOffForce");
        String zone = values.raw("powerTimeZone");
        RecordListConfig.zoneProblem(zone).ifPresent(why -> lists.problem("powerTimeZone", why));
        Optional<String> off = schedule("powerOffSchedule");
        if (environment == Environment.PRODUCTION && !force) {
            if (values.value("powerOffSchedule") != null && off.isPresent()) {
                lists.problem("powerOffSchedule", "'" + off.get() + "' would power production off every night; refused."
                        + " Remove the line, or also set every-election:powerOffForce: true if that is really meant");
            }
            // Production is never powered off by the project-wide default.
            off = Optional.empty();
        }
        Optional<String> on = schedule("powerOnSchedule");
        return new Power(off, on, zone);
    }

    private Optional<String> schedule(String name) {
        String expression = values.raw(name);
        if (expression == null || expression.isEmpty()) {
            return Optional.empty();
        }
        ScheduleExpression.problem(expression).ifPresent(why -> lists.problem(name, "'" + expression
                + "' is not a schedule (" + why + "); allowed: empty, or cron(...) / rate(...), e.g. cron(30 22 * * ? *)"));
        return Optional.of(expression);
    }

    private Scaling scaling(int maxSize) {
        int target = values.integer("scalingRequestsPerTarget", n -> n >= 0, "0 (no target tracking) or requests per"
                + " instance per minute, e.g. 600");
        String key = "busyWindows";
        List<BusyWindow> windows = new ArrayList<>();
        List<Map<String, Object>> entries = lists.records(key, WINDOW_KEYS);
        for (int i = 0; i < entries.size(); i++) {
            Map<String, Object> entry = entries.get(i);
            String at = lists.at(key, i);
            Instant start = instant(key, at, entry, "start");
            Instant end = instant(key, at, entry, "end");
            Object min = entry.get("minSize");
            if (!(min instanceof Integer n) || n < 1 || (maxSize >= 1 && n > maxSize)) {
                lists.problem(key, at + ".minSize: '" + min + "' is not valid; allowed: 1 to maxSize (" + maxSize + ")");
            }
            if (start != null && end != null && !start.isBefore(end)) {
                lists.problem(key, at + ": start " + start + " is not before end " + end);
            }
            windows.add(new BusyWindow(start, end, min instanceof Integer n ? n : 0));
        }
        return new Scaling(target, List.copyOf(windows));
    }

    private Instant instant(String key, String at, Map<String, Object> entry, String field) {
        Object value = entry.get(field);
        try {
            return Instant.parse(String.valueOf(value));
        } catch (DateTimeParseException e) {
            lists.problem(key, at + "." + field + ": '" + value + "' is not a UTC date-time; allowed: e.g."
                    + " 2026-05-07T21:00:00Z");
            return null;
        }
    }
}
