package org.democracyclub.ee.infra.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.democracyclub.ee.infra.policy.Res.list;
import static org.democracyclub.ee.infra.policy.Res.obj;

import org.junit.jupiter.api.Test;

class CodeDeployAndImageBuilderRulesTest {
    private final TestStack stack = TestStack.compliant("production");

    @Test
    void aGroupRollingBackOnFailurePasses() {
        assertThat(stack.check(CodeDeployRules.rollbackOnFailure())).isEmpty();
    }

    @Test
    void aGroupWithoutAutomaticRollbackIsCaught() {
        stack.edit("EEDefaultDeploymentGroup", r -> r.set("autoRollbackConfiguration.enabled", false));

        assertThat(stack.check(CodeDeployRules.rollbackOnFailure()))
                .extracting(Violation::ruleId, Violation::resourceName)
                .containsExactly(tuple("EE-CD-1", "EEDefaultDeploymentGroup"));
    }

    @Test
    void aGroupRollingBackOnlyOnAlarmsIsCaught() {
        stack.edit("EEDefaultDeploymentGroup", r -> r.set("autoRollbackConfiguration.events",
                list("DEPLOYMENT_STOP_ON_ALARM")));

        assertThat(stack.check(CodeDeployRules.rollbackOnFailure())).extracting(Violation::ruleId)
                .containsExactly("EE-CD-1");
    }

    @Test
    void aBlueGreenGroupTerminatingTheOldFleetPasses() {
        assertThat(stack.check(CodeDeployRules.blueGreenTerminatesOldFleet())).isEmpty();
    }

    @Test
    void aBlueGreenGroupKeepingTheOldFleetIsCaught() {
        stack.edit("EEDefaultDeploymentGroup", r -> r.set(
                "blueGreenDeploymentConfig.terminateBlueInstancesOnDeploymentSuccess.action", "KEEP_ALIVE"));

        assertThat(stack.check(CodeDeployRules.blueGreenTerminatesOldFleet()))
                .extracting(Violation::ruleId, Violation::resourceName)
                .containsExactly(tuple("EE-CD-2", "EEDefaultDeploymentGroup"));
    }

    @Test
    void anInPlaceGroupNeedsNoTerminationSetting() {
        stack.edit("EEDefaultDeploymentGroup", r -> r.set("deploymentStyle.deploymentType", "IN_PLACE")
                .remove("blueGreenDeploymentConfig"));

        assertThat(stack.check(CodeDeployRules.blueGreenTerminatesOldFleet())).isEmpty();
    }

    @Test
    void aBuildInstanceTerminatingOnFailurePasses() {
        assertThat(stack.check(ImageBuilderRules.terminateOnFailure())).isEmpty();
    }

    @Test
    void aBuildInstanceLeftRunningOnFailureIsCaught() {
        stack.edit("ee-image-infrastructure", r -> r.remove("terminateInstanceOnFailure"));

        assertThat(stack.check(ImageBuilderRules.terminateOnFailure()))
                .extracting(Violation::ruleId, Violation::resourceName)
                .containsExactly(tuple("EE-IB-1", "ee-image-infrastructure"));
    }

    @Test
    void sharingImagesWithNamedAccountsPasses() {
        stack.edit("ee-image-distribution", r -> r.set("distributions", list(obj("region", "eu-west-2",
                "amiDistributionConfiguration", obj("launchPermission", obj("userIds", list("123456789012")))))));

        assertThat(stack.check(ImageBuilderRules.notSharedPublicly())).isEmpty();
    }

    @Test
    void aPublicImageIsCaught() {
        stack.edit("ee-image-distribution", r -> r.set("distributions", list(obj("region", "eu-west-2",
                "amiDistributionConfiguration", obj("launchPermission", obj("userGroups", list("all")))))));

        assertThat(stack.check(ImageBuilderRules.notSharedPublicly()))
                .extracting(Violation::ruleId, Violation::resourceName)
                .containsExactly(tuple("EE-IB-2", "ee-image-distribution"));
    }

    private void addPipeline(Object schedule, String executionRole) {
        Res pipeline = Res.of(Types.IB_PIPELINE, "ee-image-pipeline");
        if (schedule != null) {
            pipeline.set("schedule", schedule);
        }
        if (executionRole != null) {
            pipeline.set("executionRole", executionRole);
        }
        stack.add(pipeline);
    }

    private void distributionWritesTheAmiParameter() {
        stack.edit("ee-image-distribution", r -> r.set("distributions", list(obj("region", "eu-west-2",
                "amiDistributionConfiguration", obj("name", "ee-{{ imagebuilder:buildDate }}"),
                "ssmParameterConfigurations", list(obj("parameterName", "/ee/golden-image/ami-id",
                        "dataType", "aws:ec2:image"))))));
    }

    private static final Object CRON = obj("scheduleExpression", "cron(0 4 * * ? *)",
            "pipelineExecutionStartCondition", "EXPRESSION_MATCH_ONLY");

    @Test
    void aPipelineWritingParametersWithAnExecutionRolePasses() {
        distributionWritesTheAmiParameter();
        addPipeline(CRON, "arn:aws:iam::123456789012:role/ee-image-builder-execution");

        assertThat(stack.check(ImageBuilderRules.executionRoleWritesParameters())).isEmpty();
    }

    @Test
    void aPipelineWritingParametersWithoutAnExecutionRoleIsCaught() {
        distributionWritesTheAmiParameter();
        addPipeline(CRON, null);

        assertThat(stack.check(ImageBuilderRules.executionRoleWritesParameters()))
                .extracting(Violation::ruleId, Violation::resourceName)
                .containsExactly(tuple("EE-IB-3", "ee-image-pipeline"));
    }

    @Test
    void aPipelineOnASixFieldCronThatBuildsAtEveryMatchPasses() {
        addPipeline(CRON, "role");

        assertThat(stack.check(ImageBuilderRules.buildsOnSchedule())).isEmpty();
    }

    @Test
    void aPipelineWaitingForDependencyUpdatesOrOnARateIsCaught() {
        addPipeline(obj("scheduleExpression", "rate(1 day)"), "role");

        assertThat(stack.check(ImageBuilderRules.buildsOnSchedule()))
                .extracting(Violation::ruleId, Violation::problem)
                .containsExactly(
                        tuple("EE-IB-4", "schedule.pipelineExecutionStartCondition is EXPRESSION_MATCH_AND_DEPENDENCY_UPDATES_AVAILABLE"
                                + " (the default), which never builds when every version is pinned"),
                        tuple("EE-IB-4", "schedule.scheduleExpression is rate(1 day)"));
    }

    private void addRecipe(Object ebs) {
        stack.add(Res.of(Types.IB_RECIPE, "ee-image-recipe")
                .set("blockDeviceMappings", list(obj("deviceName", "/dev/sda1", "ebs", ebs))));
    }

    private void shareWithTheOrganisation() {
        stack.edit("ee-image-distribution", r -> r.set("distributions", list(obj("region", "eu-west-2",
                "amiDistributionConfiguration", obj("launchPermission", obj("organizationArns",
                        list("arn:aws:organizations::123456789012:organization/o-a1b2c3d4e5")))))));
    }

    @Test
    void aSharedImageOnACustomerManagedKeyPasses() {
        shareWithTheOrganisation();
        addRecipe(obj("encrypted", "true", "kmsKeyId", "arn:aws:kms:eu-west-2:123456789012:alias/ee-golden-image"));

        assertThat(stack.check(ImageBuilderRules.sharedImagesUseACustomerKey())).isEmpty();
    }

    @Test
    void aSharedImageOnTheDefaultEbsKeyIsCaught() {
        shareWithTheOrganisation();
        addRecipe(obj("encrypted", "true"));

        assertThat(stack.check(ImageBuilderRules.sharedImagesUseACustomerKey()))
                .extracting(Violation::ruleId, Violation::resourceName)
                .containsExactly(tuple("EE-IB-5", "ee-image-recipe"));
    }

    @Test
    void anImageCopiedToOtherAccountsOnTheDefaultKeyIsCaughtToo() {
        stack.edit("ee-image-distribution", r -> r.set("distributions", list(obj("region", "eu-west-2",
                "amiDistributionConfiguration", obj("targetAccountIds", list("111111111111"))))));
        addRecipe(obj("encrypted", "true"));

        assertThat(stack.check(ImageBuilderRules.sharedImagesUseACustomerKey())).hasSize(1);
    }
}
