package org.democracyclub.ee.infra.operations;

import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.ssm.Document;
import com.pulumi.aws.ssm.DocumentArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import java.util.List;
import java.util.Map;
import org.democracyclub.ee.infra.settings.OperationsSettings.BusyWindow;

/** The two runbooks ({@link RunbookDocuments}) and the log group the jobs' output goes to. */
public final class Runbooks extends ComponentResource {

    /**
     * @param automationRoleArn   the role the runbooks act as
     * @param longestJobSeconds   the longest job timeout (how long the run step waits)
     * @param jobLogRetentionDays how long the jobs' output is kept
     * @param minSize             the stack's minSize, restored by power-on and after busy windows
     * @param desiredCapacity     the stack's desiredCapacity, restored by power-on
     * @param requestsPerTarget   the target-tracking value, 0 for none
     * @param resourceLabel       the ALBRequestCountPerTarget resource label of the target group
     * @param busyWindows         the busy windows
     */
    public record Args(Output<String> automationRoleArn, int longestJobSeconds, int jobLogRetentionDays,
                       int minSize, int desiredCapacity, int requestsPerTarget, Output<String> resourceLabel,
                       List<BusyWindow> busyWindows) {
    }

    public Runbooks(String name, Args args, ComponentResourceOptions options) {
        super("ee:operations:Runbooks", name, options);
        var child = CustomResourceOptions.builder().parent(this).build();
        new LogGroup(OpsNames.JOB_LOG_GROUP, LogGroupArgs.builder()
                .name(OpsNames.JOB_LOG_GROUP)
                .retentionInDays(args.jobLogRetentionDays())
                .build(), child);
        document(OpsNames.RUN_JOB_DOCUMENT, args.automationRoleArn().applyValue(role ->
                RunbookDocuments.toYaml(RunbookDocuments.runJob(role, args.longestJobSeconds()))), child);
        document(OpsNames.FLEET_DOCUMENT, Output.tuple(args.automationRoleArn(), args.resourceLabel())
                .applyValue(t -> RunbookDocuments.toYaml(RunbookDocuments.fleetCapacity(t.t1,
                        new RunbookDocuments.FleetFacts(args.minSize(), args.desiredCapacity(),
                                args.requestsPerTarget(), t.t2, args.busyWindows())))), child);
        registerOutputs(Map.of());
    }

    private static void document(String name, Output<String> content, CustomResourceOptions options) {
        new Document(name, DocumentArgs.builder()
                .name(name)
                .documentType("Automation")
                .documentFormat("YAML")
                .content(content)
                .build(), options);
    }
}
