package org.democracyclub.ee.infra.operations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.pulumi.aws.cloudwatch.EventRule;
import com.pulumi.aws.cloudwatch.EventRuleArgs;
import com.pulumi.aws.cloudwatch.EventTarget;
import com.pulumi.aws.cloudwatch.EventTargetArgs;
import com.pulumi.aws.scheduler.Schedule;
import com.pulumi.aws.scheduler.ScheduleArgs;
import com.pulumi.aws.scheduler.inputs.ScheduleFlexibleTimeWindowArgs;
import com.pulumi.aws.scheduler.inputs.ScheduleTargetArgs;
import com.pulumi.aws.scheduler.inputs.ScheduleTargetRetryPolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.democracyclub.ee.common.CodeDeployNames;
import org.democracyclub.ee.infra.settings.Json;
import org.democracyclub.ee.infra.settings.OperationsSettings.Job;
import org.democracyclub.ee.infra.settings.OperationsSettings.Power;

/**
 * Everything that starts a runbook: one EventBridge Scheduler schedule per job, the power-off and
 * power-on schedules, an hourly re-application of the scaling settings, and an EventBridge rule
 * that re-applies them as soon as a deployment has replaced the fleet. Scheduler calls
 * {@code ssm:StartAutomationExecution} through its universal target (Scheduler user guide, "Using
 * universal targets"); a rule targets the runbook's automation definition (SSM user guide, "Run
 * automations based on EventBridge events").
 */
public final class Triggers extends ComponentResource {
    /** The universal target that starts an automation: arn:aws:scheduler:::aws-sdk:SERVICE:ACTION. */
    public static final String START_AUTOMATION_TARGET = "arn:aws:scheduler:::aws-sdk:ssm:startAutomationExecution";
    /** A job that has not started within this many seconds of its time is dropped, not run late. */
    static final int MAXIMUM_EVENT_AGE_SECONDS = 900;
    static final int MAXIMUM_RETRIES = 3;

    /**
     * @param region           the stack's region
     * @param accountId        the stack's account
     * @param jobs             the jobs
     * @param power            the power schedules
     * @param schedulerRoleArn the role the schedules and the rule start the runbooks with
     */
    public record Args(String region, String accountId, List<Job> jobs, Power power, Output<String> schedulerRoleArn) {
    }

    public Triggers(String name, Args args, ComponentResourceOptions options) {
        super("ee:operations:Triggers", name, options);
        var child = CustomResourceOptions.builder().parent(this).build();
        for (Job job : args.jobs()) {
            schedule(OpsNames.JOB_SCHEDULE_PREFIX + job.name(), "EveryElection job " + job.name() + ": " + job.command(),
                    job.schedule(), job.timeZone(), jobInput(job), args.schedulerRoleArn(), child);
        }
        args.power().offSchedule().ifPresent(expression -> schedule(OpsNames.POWER_OFF_SCHEDULE,
                "Scale the live fleet to zero", expression, args.power().timeZone(), fleetInput("PowerOff"),
                args.schedulerRoleArn(), child));
        args.power().onSchedule().ifPresent(expression -> schedule(OpsNames.POWER_ON_SCHEDULE,
                "Bring the live fleet back to the stack's capacity", expression, args.power().timeZone(),
                fleetInput("PowerOn"), args.schedulerRoleArn(), child));
        schedule(OpsNames.APPLY_SCALING_SCHEDULE, "Re-apply target tracking and busy windows to the live fleet",
                "rate(1 hour)", "UTC", fleetInput("ApplyScaling"), args.schedulerRoleArn(), child);

        var afterDeployment = new EventRule(name + "-after-deployment", EventRuleArgs.builder()
                .name("ee-ops-after-deployment")
                .description("A deployment replaced the fleet: apply the scaling settings to the new one")
                .eventPattern(deploymentPattern("SUCCESS"))
                .build(), child);
        new EventTarget(name + "-after-deployment-apply-scaling", EventTargetArgs.builder()
                .rule(afterDeployment.name())
                .arn("arn:aws:ssm:" + args.region() + ":" + args.accountId() + ":automation-definition/"
                        + OpsNames.FLEET_DOCUMENT)
                .roleArn(args.schedulerRoleArn())
                .input(json(Ordered.map("Action", List.of("ApplyScaling"))))
                .build(), child);
        registerOutputs(Map.of());
    }

    /** The CodeDeploy deployment state-change events of this deployment group in {@code state}. */
    static String deploymentPattern(String state) {
        return json(Ordered.map(
                "source", List.of("aws.codedeploy"),
                "detail-type", List.of("CodeDeploy Deployment State-change Notification"),
                "detail", Ordered.map("state", List.of(state),
                        "application", List.of(CodeDeployNames.APPLICATION),
                        "deploymentGroup", List.of(CodeDeployNames.DEPLOYMENT_GROUP))));
    }

    /** StartAutomationExecution's request for one job: parameters are lists of strings. */
    static String jobInput(Job job) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("JobName", List.of(job.name()));
        parameters.put("Command", List.of(job.command()));
        parameters.put("TimeoutSeconds", List.of(Integer.toString(job.timeoutSeconds())));
        return startAutomation(OpsNames.RUN_JOB_DOCUMENT, parameters);
    }

    static String fleetInput(String action) {
        return startAutomation(OpsNames.FLEET_DOCUMENT, Ordered.map("Action", List.of(action)));
    }

    private static String startAutomation(String document, Map<String, Object> parameters) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("DocumentName", document);
        request.put("Parameters", parameters);
        return json(request);
    }

    private static void schedule(String name, String description, String expression, String timeZone, String input,
                                 Output<String> roleArn, CustomResourceOptions options) {
        new Schedule(name, ScheduleArgs.builder()
                .name(name)
                .description(description.length() > 512 ? description.substring(0, 512) : description)
                .scheduleExpression(expression)
                .scheduleExpressionTimezone(timeZone)
                // Exactly at the time: a flexible window would let two environments' jobs drift.
                .flexibleTimeWindow(ScheduleFlexibleTimeWindowArgs.builder().mode("OFF").build())
                .state("ENABLED")
                .target(ScheduleTargetArgs.builder()
                        .arn(START_AUTOMATION_TARGET)
                        .roleArn(roleArn)
                        .input(input)
                        .retryPolicy(ScheduleTargetRetryPolicyArgs.builder()
                                .maximumEventAgeInSeconds(MAXIMUM_EVENT_AGE_SECONDS)
                                .maximumRetryAttempts(MAXIMUM_RETRIES)
                                .build())
                        .build())
                .build(), options);
    }

    static String json(Object value) {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("maps of strings and lists are always serialisable", e);
        }
    }
}
