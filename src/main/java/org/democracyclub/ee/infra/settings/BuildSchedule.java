package org.democracyclub.ee.infra.settings;

import java.util.regex.Pattern;

/**
 * When the image pipeline builds. Image Builder's cron format has six required fields,
 * {@code <Minute> <Hour> <Day> <Month> <Day of the week> <Year>}, in UTC, written
 * {@code cron(...)} in the API (EC2 Image Builder user guide, "Use cron expressions in EC2 Image
 * Builder"). The pipeline's start condition is {@link #START_CONDITION}: with the component and
 * recipe versions pinned (derived from content), {@code EXPRESSION_MATCH_AND_DEPENDENCY_UPDATES_AVAILABLE}
 * would find no newer dependency and never build; {@code EXPRESSION_MATCH_ONLY} builds at every
 * match (API reference, {@code Schedule.pipelineExecutionStartCondition}).
 */
public final class BuildSchedule {
    public static final String START_CONDITION = "EXPRESSION_MATCH_ONLY";
    /** 04:00 UTC every day; Pulumi.yaml declares the same default for goldenImageSchedule (tested). */
    public static final String DEFAULT = "cron(0 4 * * ? *)";

    /** Six space-separated fields inside {@code cron(...)}; Image Builder checks the values themselves. */
    public static final Pattern CRON = Pattern.compile("cron\\(\\S+( \\S+){5}\\)");
    public static final String RULE = "an Image Builder cron expression with six fields, cron(<minute> <hour> <day>"
            + " <month> <day of week> <year>) in UTC, e.g. cron(0 4 * * ? *) for 04:00 every day";

    private BuildSchedule() {
    }
}
