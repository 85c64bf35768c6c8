package org.democracyclub.ee.infra.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** One statement: what it refuses at once (IAM would refuse it only at creation), and the shared statements. */
class PolicyStatementTest {

    private static String json(PolicyStatement statement) {
        return PolicyDocument.of(statement).toJson();
    }

    @Test
    @DisplayName("a Sid must be alphanumeric, as IAM requires")
    void refusesASidThatIsNotAlphanumeric() {
        assertThatThrownBy(() -> PolicyStatement.allow("not-alnum")).hasMessage("Sid must be alphanumeric: not-alnum");
        assertThatThrownBy(() -> PolicyStatement.deny("")).hasMessage("Sid must be alphanumeric: ");
        assertThat(PolicyStatement.allow("ReadLogs2").sid()).isEqualTo("ReadLogs2");
    }

    @Test
    @DisplayName("the bare wildcard action is refused; a service's wildcard is not")
    void refusesTheBareWildcardAction() {
        assertThatThrownBy(() -> PolicyStatement.allow("All").actions("*"))
                .hasMessage("action must be service:Name, got *");
        assertThat(PolicyStatement.allow("AllOfS3").actions("s3:*", "kms:GenerateDataKey*").actions())
                .containsExactly("s3:*", "kms:GenerateDataKey*");
    }

    @Test
    @DisplayName("an action must be service:Name")
    void refusesAnActionWithoutItsService() {
        assertThatThrownBy(() -> PolicyStatement.allow("Read").actions(List.of("GetObject")))
                .hasMessage("action must be service:Name, got GetObject");
        assertThatThrownBy(() -> PolicyStatement.allow("Read").actions("s3:Get Object"))
                .hasMessage("action must be service:Name, got s3:Get Object");
        assertThat(PolicyStatement.allow("Read").actions(List.of("s3:GetObject", "ec2messages:GetMessages")).actions())
                .containsExactly("s3:GetObject", "ec2messages:GetMessages");
    }

    @Test
    @DisplayName("a condition needs a value")
    void refusesAConditionWithoutValue() {
        assertThatThrownBy(() -> PolicyStatement.allow("Tagged").when("StringEquals", "aws:ResourceTag/dc-product"))
                .hasMessage("condition StringEquals aws:ResourceTag/dc-product has no value");
        assertThat(PolicyStatement.allow("Tagged").when("StringEquals", "aws:ResourceTag/dc-product", "ee").conditions())
                .containsExactly(new PolicyStatement.Condition("StringEquals", "aws:ResourceTag/dc-product", List.of("ee")));
    }

    @Test
    @DisplayName("one key under one operator twice is refused (the second would replace the first); under two operators it is kept")
    void refusesTheSameConditionKeyTwiceUnderOneOperator() {
        PolicyStatement tagged = PolicyStatement.allow("Tagged").when("StringEquals", "aws:ResourceTag/dc-product", "ee");
        assertThatThrownBy(() -> tagged.when("StringEquals", "aws:ResourceTag/dc-product", "other"))
                .hasMessage("Tagged has two StringEquals conditions on aws:ResourceTag/dc-product: give both values to one");
        assertThat(tagged.when("StringLike", "aws:ResourceTag/dc-product", "e*").conditions()).hasSize(2);
    }

    @Test
    @DisplayName("a principal needs an ID, and each principal type is given once")
    void refusesAnEmptyOrRepeatedPrincipalType() {
        assertThatThrownBy(() -> PolicyStatement.allow("Nobody").principal("AWS"))
                .hasMessage("Nobody names no AWS principal");
        PolicyStatement ec2 = PolicyStatement.allow("Ec2").principal("Service", "ec2.amazonaws.com");
        assertThatThrownBy(() -> ec2.principal("Service", "ssm.amazonaws.com"))
                .hasMessage("Ec2 names its Service principals twice: give them in one call");
        assertThat(ec2.principal("AWS", "arn:aws:iam::123456789012:root").principal()).isEqualTo(Map.of(
                "Service", List.of("ec2.amazonaws.com"), "AWS", List.of("arn:aws:iam::123456789012:root")));
    }

    @Test
    @DisplayName("each step returns a new statement, so a partly built one can be shared")
    void isImmutable() {
        PolicyStatement base = PolicyStatement.allow("Read").actions("s3:GetObject");
        PolicyStatement one = base.on("arn:aws:s3:::one/*");
        base.on("arn:aws:s3:::two/*");
        assertThat(base.resources()).isEmpty();
        assertThat(one.resources()).containsExactly("arn:aws:s3:::one/*");
    }

    @Test
    @DisplayName("trustServices lets the named services assume the role")
    void trustServices() {
        assertThat(json(PolicyStatement.trustServices("scheduler.amazonaws.com", "events.amazonaws.com")))
                .isEqualTo("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Trust\",\"Effect\":\"Allow\","
                        + "\"Principal\":{\"Service\":[\"scheduler.amazonaws.com\",\"events.amazonaws.com\"]},"
                        + "\"Action\":[\"sts:AssumeRole\"]}]}");
        assertThatThrownBy(PolicyStatement::trustServices).hasMessage("Trust names no Service principal");
    }

    @Test
    @DisplayName("trustServicesFor lets the services assume the role only when they act for the account")
    void trustServicesFor() {
        assertThat(json(PolicyStatement.trustServicesFor("123456789012", "imagebuilder.amazonaws.com")))
                .isEqualTo("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Trust\",\"Effect\":\"Allow\","
                        + "\"Principal\":{\"Service\":[\"imagebuilder.amazonaws.com\"]},\"Action\":[\"sts:AssumeRole\"],"
                        + "\"Condition\":{\"StringEquals\":{\"aws:SourceAccount\":[\"123456789012\"]}}}]}");
    }

    @Test
    @DisplayName("forSourceAccount guards a service principal's statement against the confused deputy")
    void forSourceAccount() {
        PolicyStatement publish = PolicyStatement.allow("Publish").principal("Service", "events.amazonaws.com")
                .actions("sns:Publish").on("arn:aws:sns:eu-west-2:123456789012:topic")
                .forSourceAccount("123456789012");
        assertThat(publish.conditions()).containsExactly(
                new PolicyStatement.Condition("StringEquals", "aws:SourceAccount", List.of("123456789012")));
    }

    @Test
    @DisplayName("trustAccount lets the account's principals assume the role, by the account's root ARN")
    void trustAccount() {
        assertThat(json(PolicyStatement.trustAccount("999999999999")))
                .isEqualTo("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"TrustAccount\",\"Effect\":\"Allow\","
                        + "\"Principal\":{\"AWS\":[\"arn:aws:iam::999999999999:root\"]},\"Action\":[\"sts:AssumeRole\"]}]}");
    }

    @Test
    @DisplayName("denyWithoutTls denies every S3 action on the resources to anyone over plain HTTP")
    void denyWithoutTls() {
        assertThat(json(PolicyStatement.denyWithoutTls("arn:aws:s3:::b", "arn:aws:s3:::b/*")))
                .isEqualTo("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"DenyInsecureTransport\","
                        + "\"Effect\":\"Deny\",\"Principal\":{\"AWS\":[\"*\"]},\"Action\":[\"s3:*\"],"
                        + "\"Resource\":[\"arn:aws:s3:::b\",\"arn:aws:s3:::b/*\"],"
                        + "\"Condition\":{\"Bool\":{\"aws:SecureTransport\":[\"false\"]}}}]}");
    }
}
