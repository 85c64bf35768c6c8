package org.democracyclub.ee.infra.operations;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import org.democracyclub.ee.infra.settings.OperationsSettings;
import org.democracyclub.ee.infra.settings.OperationsSettings.Job;

/**
 * Declares the operations of one environment (docs/operations.md): roles, runbooks, the
 * schedules and rules that start them, the alarm topic and, where configured, the backup bucket.
 */
public final class Operations {
    private Operations() {
    }

    /**
     * What the operations take from the rest of the stack.
     *
     * @param region           the stack's region
     * @param accountId        the stack's account
     * @param minSize          the stack's minSize
     * @param desiredCapacity  the stack's desiredCapacity
     * @param targetGroupArn   the target group behind the load balancer
     * @param loadBalancerArn  the load balancer
     */
    public record Platform(String region, String accountId, int minSize, int desiredCapacity,
                           Output<String> targetGroupArn, Output<String> loadBalancerArn) {
    }

    public static void declare(OperationsSettings settings, Platform platform, ComponentResourceOptions options) {
        var roles = new OperationsRoles("ee-ops-iam", new OperationsRoles.Args(platform.region(), platform.accountId()),
                options);
        int longestJob = settings.jobs().stream().mapToInt(Job::timeoutSeconds).max().orElse(3600);
        Output<String> label = Output.tuple(platform.loadBalancerArn(), platform.targetGroupArn())
                .applyValue(t -> AlarmTopic.requestCountLabel(t.t1, t.t2));
        new Runbooks("ee-ops-runbooks", new Runbooks.Args(roles.automationRoleArn(), longestJob,
                settings.jobLogRetentionDays(), platform.minSize(), platform.desiredCapacity(),
                settings.scaling().requestsPerTarget(), label, settings.scaling().busyWindows()), options);
        new Triggers("ee-ops-triggers", new Triggers.Args(platform.region(), platform.accountId(), settings.jobs(),
                settings.power(), roles.schedulerRoleArn()), options);
        var alarms = settings.alarms();
        new AlarmTopic("ee-ops-alarms", new AlarmTopic.Args(platform.accountId(), alarms.emails(), alarms.chatWebhook(),
                alarms.http5xxPerFiveMinutes(), platform.targetGroupArn(), platform.loadBalancerArn()), options);
        settings.backups().ifPresent(backups -> new BackupBucket("ee-ops-backups", new BackupBucket.Args(
                backups.bucket(), backups.expireAfterDays(), backups.noncurrentExpireAfterDays(),
                backups.adoptExisting()), options));
    }
}
