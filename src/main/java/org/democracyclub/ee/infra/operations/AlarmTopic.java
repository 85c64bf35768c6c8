package org.democracyclub.ee.infra.operations;

import com.pulumi.aws.cloudwatch.EventRule;
import com.pulumi.aws.cloudwatch.EventRuleArgs;
import com.pulumi.aws.cloudwatch.EventTarget;
import com.pulumi.aws.cloudwatch.EventTargetArgs;
import com.pulumi.aws.cloudwatch.MetricAlarm;
import com.pulumi.aws.cloudwatch.MetricAlarmArgs;
import com.pulumi.aws.sns.Topic;
import com.pulumi.aws.sns.TopicArgs;
import com.pulumi.aws.sns.TopicPolicy;
import com.pulumi.aws.sns.TopicPolicyArgs;
import com.pulumi.aws.sns.TopicSubscription;
import com.pulumi.aws.sns.TopicSubscriptionArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.democracyclub.ee.infra.iam.PolicyDocument;
import org.democracyclub.ee.infra.iam.PolicyStatement;

/**
 * The environment's one alarm topic, its subscribers, and what publishes to it: EventBridge rules
 * for a failed or timed-out runbook (a job, power or scaling run) and a failed deployment, and
 * CloudWatch alarms for unhealthy targets and 5xx answers behind the load balancer.
 */
public final class AlarmTopic extends ComponentResource {
    /** The statuses of an automation execution that mean it did not do its work. */
    static final List<String> FAILED_RUNBOOK_STATUSES = List.of("Failed", "TimedOut", "Cancelled");
    static final int PERIOD_SECONDS = 60;
    static final int FIVE_MINUTES = 300;

    private final Topic topic;

    /**
     * @param accountId         the stack's account (the topic policy admits only its services)
     * @param emails            addresses to subscribe
     * @param chatWebhook       an HTTPS endpoint to subscribe, if any (a secret)
     * @param http5xxPerFiveMinutes threshold of the 5xx alarms
     * @param targetGroupArn    the target group {@code ee-alb-tg}
     * @param loadBalancerArn   the load balancer {@code ee-alb}
     */
    public record Args(String accountId, List<String> emails, Optional<String> chatWebhook, int http5xxPerFiveMinutes,
                       Output<String> targetGroupArn, Output<String> loadBalancerArn) {
    }

    public AlarmTopic(String name, Args args, ComponentResourceOptions options) {
        super("ee:operations:AlarmTopic", name, options);
        var child = CustomResourceOptions.builder().parent(this).build();
        topic = new Topic(OpsNames.ALARM_TOPIC, TopicArgs.builder()
                .name(OpsNames.ALARM_TOPIC)
                .displayName("EveryElection alarms")
                .build(), child);
        new TopicPolicy(name + "-publishers", TopicPolicyArgs.builder()
                .arn(topic.arn())
                .policy(topic.arn().applyValue(arn -> topicPolicy(arn, args.accountId())))
                .build(), child);
        for (int i = 0; i < args.emails().size(); i++) {
            new TopicSubscription(name + "-email-" + i, TopicSubscriptionArgs.builder()
                    .topic(topic.arn())
                    .protocol("email")
                    .endpoint(args.emails().get(i))
                    .build(), child);
        }
        args.chatWebhook().ifPresent(url -> new TopicSubscription(name + "-chat", TopicSubscriptionArgs.builder()
                .topic(topic.arn())
                .protocol("https")
                .endpoint(Output.ofSecret(url))
                .build(), child));

        rule(name + "-runbook-failed", "ee-ops-runbook-failed", "A scheduled job, power-off/on or scaling run failed or timed out",
                Triggers.json(Ordered.map(
                        "source", List.of("aws.ssm"),
                        "detail-type", List.of("EC2 Automation Execution Status-change Notification"),
                        "detail", Ordered.map(
                                "Definition", List.of(OpsNames.RUN_JOB_DOCUMENT, OpsNames.FLEET_DOCUMENT),
                                "Status", FAILED_RUNBOOK_STATUSES))), child);
        rule(name + "-deployment-failed", "ee-ops-deployment-failed", "A CodeDeploy deployment of EveryElection failed",
                Triggers.deploymentPattern("FAILURE"), child);

        Output<String> targetGroup = args.targetGroupArn().applyValue(AlarmTopic::targetGroupDimension);
        Output<String> loadBalancer = args.loadBalancerArn().applyValue(AlarmTopic::loadBalancerDimension);
        alarm(name + "-unhealthy-targets", MetricAlarmArgs.builder()
                .name("ee-ops-unhealthy-targets")
                .alarmDescription("Targets of ee-alb-tg failed their health check for 3 minutes")
                .metricName("UnHealthyHostCount").statistic("Maximum")
                .period(PERIOD_SECONDS).evaluationPeriods(3).threshold(0.0)
                .comparisonOperator("GreaterThanThreshold")
                .dimensions(Output.tuple(targetGroup, loadBalancer).applyValue(t -> Map.of("TargetGroup", t.t1,
                        "LoadBalancer", t.t2))), child);
        alarm(name + "-target-5xx", MetricAlarmArgs.builder()
                .name("ee-ops-target-5xx")
                .alarmDescription("The instances answered " + args.http5xxPerFiveMinutes() + " or more 5xx in 5 minutes")
                .metricName("HTTPCode_Target_5XX_Count").statistic("Sum")
                .period(FIVE_MINUTES).evaluationPeriods(1).threshold((double) args.http5xxPerFiveMinutes())
                .comparisonOperator("GreaterThanOrEqualToThreshold")
                .dimensions(Output.tuple(targetGroup, loadBalancer).applyValue(t -> Map.of("TargetGroup", t.t1,
                        "LoadBalancer", t.t2))), child);
        alarm(name + "-elb-5xx", MetricAlarmArgs.builder()
                .name("ee-ops-elb-5xx")
                .alarmDescription("The load balancer answered " + args.http5xxPerFiveMinutes()
                        + " or more 5xx itself in 5 minutes (no healthy target, timeouts)")
                .metricName("HTTPCode_ELB_5XX_Count").statistic("Sum")
                .period(FIVE_MINUTES).evaluationPeriods(1).threshold((double) args.http5xxPerFiveMinutes())
                .comparisonOperator("GreaterThanOrEqualToThreshold")
                .dimensions(loadBalancer.applyValue(lb -> Map.of("LoadBalancer", lb))), child);
        registerOutputs(Map.of("alarmTopicArn", topic.arn()));
    }

    /** EventBridge (rules) and CloudWatch (alarms) of this account may publish; nobody else. */
    static String topicPolicy(String topicArn, String accountId) {
        return PolicyDocument.of(PolicyStatement.allow("AlarmsAndRulesPublish")
                .principal("Service", "events.amazonaws.com", "cloudwatch.amazonaws.com")
                .actions("sns:Publish")
                .on(topicArn)
                .forSourceAccount(accountId)).toJson();
    }

    /** The TargetGroup dimension: the ARN's resource part, {@code targetgroup/<name>/<id>}. */
    static String targetGroupDimension(String arn) {
        return arn.substring(arn.indexOf(":targetgroup/") + 1);
    }

    /** The LoadBalancer dimension: {@code app/<name>/<id>}, the ARN after {@code loadbalancer/}. */
    static String loadBalancerDimension(String arn) {
        return arn.substring(arn.indexOf(":loadbalancer/") + ":loadbalancer/".length());
    }

    /** ALBRequestCountPerTarget's resource label: {@code app/<lb>/<id>/targetgroup/<tg>/<id>}. */
    public static String requestCountLabel(String loadBalancerArn, String targetGroupArn) {
        return loadBalancerDimension(loadBalancerArn) + "/" + targetGroupDimension(targetGroupArn);
    }

    private void rule(String name, String ruleName, String description, String pattern, CustomResourceOptions options) {
        var rule = new EventRule(name, EventRuleArgs.builder()
                .name(ruleName)
                .description(description)
                .eventPattern(pattern)
                .build(), options);
        new EventTarget(name + "-to-topic", EventTargetArgs.builder()
                .rule(rule.name())
                .arn(topic.arn())
                .build(), options);
    }

    private void alarm(String name, MetricAlarmArgs.Builder alarm, CustomResourceOptions options) {
        new MetricAlarm(name, alarm
                .namespace("AWS/ApplicationELB")
                // Missing data is a fleet powered off or idle, not a failure.
                .treatMissingData("notBreaching")
                .alarmActions(topic.arn().applyValue(List::of))
                .okActions(topic.arn().applyValue(List::of))
                .build(), options);
    }

    public Output<String> topicArn() {
        return topic.arn();
    }
}
