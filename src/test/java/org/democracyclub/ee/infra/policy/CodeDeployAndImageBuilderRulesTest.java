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
}
