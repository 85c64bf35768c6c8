package org.democracyclub.ee.infra;

import static org.assertj.core.api.Assertions.assertThat;

import org.democracyclub.ee.infra.settings.ScheduleExpression;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** EventBridge Scheduler's recurring expressions: six-field cron and rate, checked strictly. */
class ScheduleExpressionTest {
    @ParameterizedTest
    @ValueSource(strings = {"cron(30 1 * * ? *)", "cron(30 * * * ? *)", "cron(0 3 * * ? *)", "cron(15 2 * * ? *)",
            "cron(16 7 * * ? *)", "cron(30 2 * * ? *)", "cron(30 22 * * ? *)", "cron(0 7 ? * MON-FRI *)",
            "cron(0/15 * * * ? *)", "cron(0 18 ? * 6L 2026-2030)", "cron(0 10 ? * 2#1 *)", "cron(0 0 L * ? *)",
            "cron(0 8 1,15 JAN-MAR ? *)", "rate(1 hour)", "rate(5 minutes)", "rate(1 day)", "rate(7 days)"})
    void acceptsWhatSchedulerAccepts(String expression) {
        assertThat(ScheduleExpression.problem(expression)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "cron(30 1 * * ?)|six fields",
            "cron(30 1 * * ? * *)|six fields",
            "cron(60 1 * * ? *)|minutes 60 is out of range",
            "cron(0 24 * * ? *)|hours 24 is out of range",
            "cron(0 1 32 * ? *)|day-of-month 32 is out of range",
            "cron(0 1 ? 13 MON *)|month 13 is out of range",
            "cron(0 1 ? * 8 *)|day-of-week 8 is out of range",
            "cron(0 1 * * * *)|exactly one of day-of-month and day-of-week",
            "cron(0 1 ? * ? *)|exactly one of day-of-month and day-of-week",
            "cron(? 1 * * ? *)|minutes cannot be '?'",
            "cron(0 1 * FOO ? *)|month 'FOO' is not a value",
            "cron(0 1 * * ? 1900)|year 1900 is out of range",
            "rate(0 hours)|at least 1",
            "rate(2 hour)|rate(2 hours)",
            "rate(1 hours)|rate(1 hour)",
            "rate(1 week)|minute(s), hour(s) or day(s)",
            "at(2026-05-07T20:00:00)|not cron(...) or rate(...)",
            "0 1 * * *|not cron(...) or rate(...)"})
    void rejectsAnythingElseSayingWhy(String expression, String why) {
        assertThat(ScheduleExpression.problem(expression)).hasValueSatisfying(p -> assertThat(p).contains(why));
    }
}
