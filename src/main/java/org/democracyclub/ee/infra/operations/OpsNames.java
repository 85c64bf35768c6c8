package org.democracyclub.ee.infra.operations;

/**
 * Physical names of the operations resources. Every IAM role starts with {@link #ROLE_PREFIX},
 * so the CI role may pass exactly these roles ({@code iam:PassRole} on {@code role/ee-ops-*}).
 */
public final class OpsNames {
    public static final String ROLE_PREFIX = "ee-ops-";
    /** Trusted by EventBridge Scheduler and EventBridge rules: starts the runbooks. */
    public static final String SCHEDULER_ROLE = ROLE_PREFIX + "scheduler";
    /** Assumed by SSM Automation: finds the live fleet, runs commands, changes capacity. */
    public static final String AUTOMATION_ROLE = ROLE_PREFIX + "automation";
    /** The runbook that runs one job on one live instance. */
    public static final String RUN_JOB_DOCUMENT = "ee-ops-run-job";
    /** The runbook that powers the live fleet off or on and applies the scaling settings to it. */
    public static final String FLEET_DOCUMENT = "ee-ops-fleet-capacity";
    /** Where Run Command writes each job's output. */
    public static final String JOB_LOG_GROUP = "/ee/ops/jobs";
    /** The one alarm topic of the environment. */
    public static final String ALARM_TOPIC = "ee-ops-alarms";
    /** Schedules of the jobs are {@code ee-job-<name>}. */
    public static final String JOB_SCHEDULE_PREFIX = "ee-job-";
    public static final String POWER_OFF_SCHEDULE = "ee-power-off";
    public static final String POWER_ON_SCHEDULE = "ee-power-on";
    public static final String APPLY_SCALING_SCHEDULE = "ee-apply-scaling";

    private OpsNames() {
    }
}
