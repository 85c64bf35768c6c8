package org.democracyclub.ee.infra.settings;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The schedule expressions EventBridge Scheduler accepts for recurring schedules: six-field
 * {@code cron(minutes hours day-of-month month day-of-week year)} and {@code rate(value unit)}
 * (Scheduler user guide, "Schedule types on EventBridge Scheduler"). Checked here, field by field,
 * so a typo fails in the settings rather than at {@code pulumi up}.
 */
public final class ScheduleExpression {
    private static final Pattern CRON = Pattern.compile("cron\\((.*)\\)");
    private static final Pattern RATE = Pattern.compile("rate\\((\\d+) (minute|minutes|hour|hours|day|days)\\)");
    private static final String MONTHS = "JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC";
    private static final String DAYS = "SUN|MON|TUE|WED|THU|FRI|SAT";

    private ScheduleExpression() {
    }

    /** Why {@code expression} is not a valid recurring schedule, or empty when it is. */
    public static Optional<String> problem(String expression) {
        if (expression == null || expression.isBlank()) {
            return Optional.of("empty");
        }
        var rate = RATE.matcher(expression);
        if (rate.matches()) {
            long value = Long.parseLong(rate.group(1));
            boolean singular = !rate.group(2).endsWith("s");
            if (value < 1) {
                return Optional.of("a rate must be at least 1");
            }
            if (singular != (value == 1)) {
                return Optional.of("say rate(1 " + rate.group(2).replaceAll("s$", "") + ") but rate(" + value + " "
                        + rate.group(2).replaceAll("s?$", "s") + ")");
            }
            return Optional.empty();
        }
        if (expression.startsWith("rate(")) {
            return Optional.of("a rate is rate(VALUE UNIT) with UNIT minute(s), hour(s) or day(s)");
        }
        var cron = CRON.matcher(expression);
        if (!cron.matches()) {
            return Optional.of("not cron(...) or rate(...)");
        }
        String[] fields = cron.group(1).trim().split(" +");
        if (fields.length != 6) {
            return Optional.of("a cron expression has six fields (minutes hours day-of-month month day-of-week year), "
                    + "this one has " + fields.length);
        }
        List<Optional<String>> checks = List.of(
                field("minutes", fields[0], 0, 59, null, false),
                field("hours", fields[1], 0, 23, null, false),
                field("day-of-month", fields[2], 1, 31, null, true),
                field("month", fields[3], 1, 12, MONTHS, false),
                field("day-of-week", fields[4], 1, 7, DAYS, true),
                field("year", fields[5], 1970, 2199, null, false));
        for (Optional<String> check : checks) {
            if (check.isPresent()) {
                return check;
            }
        }
        boolean dayOfMonthAny = fields[2].equals("?");
        boolean dayOfWeekAny = fields[4].equals("?");
        if (dayOfMonthAny == dayOfWeekAny) {
            return Optional.of("exactly one of day-of-month and day-of-week must be '?' (e.g. cron(30 1 * * ? *))");
        }
        return Optional.empty();
    }

    /** One field: {@code *}, {@code ?} where allowed, or a comma list of values, ranges and increments. */
    private static Optional<String> field(String name, String text, int min, int max, String names, boolean day) {
        if (text.equals("*") || (day && text.equals("?"))) {
            return Optional.empty();
        }
        if (text.equals("?")) {
            return Optional.of(name + " cannot be '?' (only day-of-month and day-of-week can)");
        }
        String value = "(\\d{1,4}" + (names == null ? "" : "|" + names) + ")";
        String special = day ? (name.equals("day-of-month") ? "|L|LW|\\d{1,2}W" : "|L|\\dL|\\d#[1-5]") : "";
        Pattern part = Pattern.compile("(\\*|" + value + "(-" + value + ")?)(/\\d{1,4})?" + special);
        for (String piece : text.split(",", -1)) {
            if (!part.matcher(piece).matches()) {
                return Optional.of(name + " '" + text + "' is not a value, range (a-b), list (a,b) or increment (a/n)");
            }
            for (String number : piece.replaceAll("[^0-9]+", " ").trim().split(" ")) {
                if (!number.isEmpty() && !piece.contains("#") && !piece.startsWith("*/")
                        && !(piece.contains("/") && number.equals(piece.substring(piece.indexOf('/') + 1)))) {
                    int n = Integer.parseInt(number);
                    if (n < min || n > max) {
                        return Optional.of(name + " " + n + " is out of range (" + min + "-" + max + ")");
                    }
                }
            }
        }
        return Optional.empty();
    }
}
