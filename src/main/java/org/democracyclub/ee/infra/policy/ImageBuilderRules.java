package org.democracyclub.ee.infra.policy;

import static org.democracyclub.ee.infra.policy.BaseRule.perResource;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Rules on the golden-image pipeline. */
public final class ImageBuilderRules {
    private ImageBuilderRules() {
    }

    public static List<Rule> all() {
        return List.of(terminateOnFailure(), notSharedPublicly(), executionRoleWritesParameters(), buildsOnSchedule(),
                sharedImagesUseACustomerKey());
    }

    /** EE-IB-1: a failed build left running costs money and keeps a half-built, unpatched host around. */
    static Rule terminateOnFailure() {
        return perResource("EE-IB-1", Severity.ERROR,
                "The image build instance terminates when a build fails, instead of running on unattended.",
                Set.of(Types.IB_INFRASTRUCTURE), (r, in, out) -> {
                    if (!r.bool("terminateInstanceOnFailure").orElse(false)) {
                        out.add(r, "terminateInstanceOnFailure is "
                                        + r.string("terminateInstanceOnFailure").orElse("unset"),
                                "set terminateInstanceOnFailure to true");
                    }
                });
    }

    /** EE-IB-2: the image contains the app's code and configuration; public AMIs are readable by anyone. */
    static Rule notSharedPublicly() {
        return perResource("EE-IB-2", Severity.ERROR,
                "Images are never shared publicly (launch permission for the group \"all\").",
                Set.of(Types.IB_DISTRIBUTION), (r, in, out) -> {
                    for (Map<String, Object> distribution : r.objects("distributions")) {
                        for (Map<String, Object> permission
                                : Props.objects(distribution, "amiDistributionConfiguration.launchPermission")) {
                            if (Props.strings(permission, "userGroups").stream().anyMatch("all"::equalsIgnoreCase)) {
                                out.add(r, "the distribution to " + Props.string(distribution, "region").orElse("?")
                                                + " grants launch permission to the group \"all\" (public AMI)",
                                        "remove \"all\" from launchPermission.userGroups; share with account IDs if needed");
                            }
                        }
                    }
                });
    }

    /**
     * EE-IB-3: Image Builder writes a distribution's SSM parameters only through the pipeline's
     * execution role; its service-linked role may write only under /imagebuilder/, so without one
     * the parameter the launch template resolves is never updated.
     */
    static Rule executionRoleWritesParameters() {
        return perResource("EE-IB-3", Severity.ERROR,
                "A pipeline whose distribution writes SSM parameters has an execution role that may write them.",
                Set.of(Types.IB_PIPELINE), (r, in, out) -> {
                    boolean writesParameters = in.ofType(Types.IB_DISTRIBUTION).stream()
                            .flatMap(d -> d.objects("distributions").stream())
                            .anyMatch(d -> !Props.objects(d, "ssmParameterConfigurations").isEmpty());
                    if (writesParameters && r.string("executionRole").filter(s -> !s.isBlank()).isEmpty()) {
                        out.add(r, "the distribution writes SSM parameters but the pipeline has no executionRole",
                                "set executionRole to a role with ssm:PutParameter on the parameter and ec2:DescribeImages");
                    }
                });
    }

    /**
     * EE-IB-4: with component and recipe versions pinned, the default start condition
     * EXPRESSION_MATCH_AND_DEPENDENCY_UPDATES_AVAILABLE finds nothing newer and never builds.
     */
    static Rule buildsOnSchedule() {
        return perResource("EE-IB-4", Severity.ERROR,
                "A scheduled pipeline builds at every match of a six-field cron (EXPRESSION_MATCH_ONLY).",
                Set.of(Types.IB_PIPELINE), (r, in, out) -> {
                    if (r.at("schedule") == null) {
                        return; // started by hand or by CI only
                    }
                    String condition = r.string("schedule.pipelineExecutionStartCondition")
                            .orElse("EXPRESSION_MATCH_AND_DEPENDENCY_UPDATES_AVAILABLE (the default)");
                    if (!condition.equals("EXPRESSION_MATCH_ONLY")) {
                        out.add(r, "schedule.pipelineExecutionStartCondition is " + condition
                                        + ", which never builds when every version is pinned",
                                "set pipelineExecutionStartCondition to EXPRESSION_MATCH_ONLY");
                    }
                    String expression = r.string("schedule.scheduleExpression").orElse("unset");
                    // Image Builder's cron has six required fields (user guide, "Use cron expressions").
                    if (!expression.matches("cron\\(\\S+( \\S+){5}\\)")) {
                        out.add(r, "schedule.scheduleExpression is " + expression,
                                "use an Image Builder cron with six fields, e.g. cron(0 4 * * ? *)");
                    }
                });
    }

    /**
     * EE-IB-5: an AMI whose snapshots use the AWS-managed aws/ebs key cannot be shared with or
     * copied to another account; shared images need a customer-managed key on every encrypted volume.
     */
    static Rule sharedImagesUseACustomerKey() {
        return perResource("EE-IB-5", Severity.ERROR,
                "When images are shared or copied to other accounts, the recipe encrypts them with a customer-managed key.",
                Set.of(Types.IB_RECIPE), (r, in, out) -> {
                    boolean shared = in.ofType(Types.IB_DISTRIBUTION).stream()
                            .flatMap(d -> d.objects("distributions").stream())
                            .anyMatch(d -> !Props.strings(d, "amiDistributionConfiguration.targetAccountIds").isEmpty()
                                    || Props.objects(d, "amiDistributionConfiguration.launchPermission").stream()
                                    .anyMatch(p -> !Props.strings(p, "organizationArns").isEmpty()
                                            || !Props.strings(p, "organizationalUnitArns").isEmpty()
                                            || !Props.strings(p, "userIds").isEmpty()));
                    if (!shared) {
                        return;
                    }
                    for (Map<String, Object> device : r.objects("blockDeviceMappings")) {
                        boolean encrypted = "true".equals(Props.string(device, "ebs.encrypted").orElse(""));
                        if (encrypted && Props.string(device, "ebs.kmsKeyId").filter(k -> !k.isBlank()).isEmpty()) {
                            out.add(r, "the encrypted volume " + Props.string(device, "deviceName").orElse("?")
                                            + " uses the default aws/ebs key, but the distribution shares the image",
                                    "set blockDeviceMappings[].ebs.kmsKeyId to a customer-managed key the other accounts may use");
                        }
                    }
                });
    }
}
