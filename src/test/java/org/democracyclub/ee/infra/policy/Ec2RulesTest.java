package org.democracyclub.ee.infra.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.democracyclub.ee.infra.policy.Res.list;
import static org.democracyclub.ee.infra.policy.Res.obj;

import org.junit.jupiter.api.Test;

class Ec2RulesTest {
    private final TestStack stack = TestStack.compliant("staging");

    @Test
    void aLaunchTemplateRequiringImdsV2Passes() {
        assertThat(stack.check(Ec2Rules.imdsV2Required())).isEmpty();
    }

    @Test
    void imdsV1IsCaught() {
        stack.edit("ee-launch-template", r -> r.set("metadataOptions.httpTokens", "optional"));

        assertThat(stack.check(Ec2Rules.imdsV2Required()))
                .extracting(Violation::ruleId, Violation::resourceName, Violation::problem)
                .containsExactly(tuple("EE-EC2-1", "ee-launch-template",
                        "metadataOptions.httpTokens is optional, so IMDSv1 is allowed"));
    }

    @Test
    void aLaunchTemplateWithoutMetadataOptionsIsCaught() {
        stack.edit("ee-launch-template", r -> r.remove("metadataOptions"));

        assertThat(stack.check(Ec2Rules.imdsV2Required())).extracting(Violation::ruleId).containsExactly("EE-EC2-1");
    }

    @Test
    void encryptedVolumesPassWhetherTheFlagIsAStringOrABoolean() {
        stack.edit("ee-launch-template", r -> r.set("blockDeviceMappings", list(
                obj("deviceName", "/dev/xvda", "ebs", obj("encrypted", "true")),
                obj("deviceName", "/dev/xvdb", "ebs", obj("encrypted", true)),
                obj("deviceName", "/dev/sdc", "virtualName", "ephemeral0"))));

        assertThat(stack.check(Ec2Rules.ebsEncrypted())).isEmpty();
    }

    @Test
    void anUnencryptedVolumeIsCaught() {
        stack.edit("ee-launch-template", r -> r.set("blockDeviceMappings", list(
                obj("deviceName", "/dev/xvda", "ebs", obj("encrypted", "false", "volumeType", "gp3")))));

        assertThat(stack.check(Ec2Rules.ebsEncrypted()))
                .extracting(Violation::ruleId, Violation::resourceName)
                .containsExactly(tuple("EE-EC2-2", "ee-launch-template"));
    }

    @Test
    void aVolumeWithoutTheEncryptedFlagIsCaught() {
        stack.edit("ee-launch-template", r -> r.set("blockDeviceMappings", list(
                obj("deviceName", "/dev/xvda", "ebs", obj("volumeType", "gp3")))));

        assertThat(stack.check(Ec2Rules.ebsEncrypted())).extracting(Violation::ruleId).containsExactly("EE-EC2-2");
    }

    @Test
    void instancesWithoutPublicIpPass() {
        stack.edit("ee-launch-template", r -> r.set("networkInterfaces", list(
                obj("associatePublicIpAddress", "false", "securityGroups", list("ee-instance-sg-id")))));

        assertThat(stack.check(Ec2Rules.noPublicIp())).isEmpty();
    }

    @Test
    void aPublicIpIsCaught() {
        stack.edit("ee-launch-template", r -> r.set("networkInterfaces", list(
                obj("associatePublicIpAddress", "true", "securityGroups", list("ee-instance-sg-id")))));

        assertThat(stack.check(Ec2Rules.noPublicIp()))
                .extracting(Violation::ruleId, Violation::resourceName)
                .containsExactly(tuple("EE-EC2-3", "ee-launch-template"));
    }
}
