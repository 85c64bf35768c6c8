package org.democracyclub.ee.bootstrap.policy;

import static org.democracyclub.ee.bootstrap.policy.ManagedNames.PREFIX;

import java.util.List;
import org.democracyclub.ee.infra.iam.PolicyStatement;

/**
 * The operations jobs: EventBridge Scheduler schedules and groups, EventBridge rules and their
 * targets, SSM Automation documents, the alert topic and its subscriptions, CloudWatch alarms and
 * log groups. All named {@code ee-*} (log groups also {@code /ee/*}).
 */
final class OpsAccess {
    private OpsAccess() {
    }

    static List<PolicyStatement> statements(PolicyScope scope) {
        String own = PREFIX + "*";
        return List.of(
                PolicyStatement.allow("OpsList")
                        .actions("scheduler:ListSchedules", "scheduler:ListScheduleGroups", "events:ListRules",
                                "sns:ListTopics", "logs:DescribeLogGroups", "ssm:ListDocuments")
                        .on("*"),
                // A schedule in the default group or in one of the program's groups.
                PolicyStatement.allow("SchedulerSchedules")
                        .actions("scheduler:CreateSchedule", "scheduler:UpdateSchedule", "scheduler:DeleteSchedule",
                                "scheduler:GetSchedule")
                        .on(scope.regional("scheduler", "schedule/default/" + own),
                                scope.regional("scheduler", "schedule/" + own + "/*")),
                PolicyStatement.allow("SchedulerGroups")
                        .actions("scheduler:CreateScheduleGroup", "scheduler:DeleteScheduleGroup",
                                "scheduler:GetScheduleGroup", "scheduler:TagResource", "scheduler:UntagResource",
                                "scheduler:ListTagsForResource")
                        .on(scope.regional("scheduler", "schedule-group/" + own)),
                PolicyStatement.allow("EventRules")
                        .actions("events:PutRule", "events:DeleteRule", "events:DescribeRule", "events:EnableRule",
                                "events:DisableRule", "events:PutTargets", "events:RemoveTargets",
                                "events:ListTargetsByRule", "events:TagResource", "events:UntagResource",
                                "events:ListTagsForResource")
                        .on(scope.regional("events", "rule/" + own)),
                PolicyStatement.allow("SsmAutomationDocuments")
                        .actions("ssm:CreateDocument", "ssm:UpdateDocument", "ssm:DeleteDocument",
                                "ssm:DescribeDocument", "ssm:GetDocument", "ssm:UpdateDocumentDefaultVersion",
                                "ssm:DescribeDocumentPermission", "ssm:ListDocumentVersions",
                                "ssm:AddTagsToResource", "ssm:RemoveTagsFromResource", "ssm:ListTagsForResource")
                        .on(scope.regional("ssm", "document/" + own)),
                PolicyStatement.allow("SnsTopics")
                        .actions("sns:CreateTopic", "sns:DeleteTopic", "sns:GetTopicAttributes",
                                "sns:SetTopicAttributes", "sns:Subscribe", "sns:Unsubscribe",
                                "sns:GetSubscriptionAttributes", "sns:SetSubscriptionAttributes",
                                "sns:ListSubscriptionsByTopic", "sns:TagResource", "sns:UntagResource",
                                "sns:ListTagsForResource")
                        .on(scope.regional("sns", own)),
                PolicyStatement.allow("CloudWatchAlarms")
                        .actions("cloudwatch:PutMetricAlarm", "cloudwatch:DeleteAlarms", "cloudwatch:DescribeAlarms",
                                "cloudwatch:TagResource", "cloudwatch:UntagResource",
                                "cloudwatch:ListTagsForResource")
                        .on(scope.regional("cloudwatch", "alarm:" + own)),
                PolicyStatement.allow("LogGroups")
                        .actions("logs:CreateLogGroup", "logs:DeleteLogGroup", "logs:PutRetentionPolicy",
                                "logs:DeleteRetentionPolicy", "logs:TagResource", "logs:UntagResource",
                                "logs:ListTagsForResource", "logs:TagLogGroup", "logs:ListTagsLogGroup")
                        .on(scope.regional("logs", "log-group:" + own), scope.regional("logs", "log-group:/ee/*")));
    }
}
