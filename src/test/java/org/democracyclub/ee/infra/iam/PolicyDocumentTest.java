package org.democracyclub.ee.infra.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The policy model: what it refuses to build, and the JSON IAM receives. */
class PolicyDocumentTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void rendersVersionStatementsAndConditionsGroupedByOperator() throws Exception {
        String json = PolicyDocument.of(PolicyStatement.allow("ReadTagged")
                .actions("ec2:DescribeImages")
                .on("*")
                .when("StringEquals", "aws:ResourceTag/dc-product", "ee")
                .when("StringEquals", "aws:RequestedRegion", "eu-west-2")
                .when("Bool", "aws:SecureTransport", "true")).toJson();
        JsonNode root = JSON.readTree(json);
        assertThat(root.get("Version").asText()).isEqualTo("2012-10-17");
        JsonNode statement = root.get("Statement").get(0);
        assertThat(statement.get("Effect").asText()).isEqualTo("Allow");
        assertThat(statement.at("/Condition/StringEquals").size()).isEqualTo(2);
        assertThat(statement.at("/Condition/Bool/aws:SecureTransport/0").asText()).isEqualTo("true");
        assertThat(statement.has("Principal")).isFalse();
    }

    @Test
    void refusesTheBareWildcardAction() {
        assertThatThrownBy(() -> PolicyStatement.allow("All").actions("*"))
                .hasMessage("action must be service:Name, got *");
    }

    @Test
    void refusesDuplicateSidsAndStatementsWithoutActionOrTarget() {
        PolicyStatement read = PolicyStatement.allow("Read").actions("s3:GetObject").on("arn:aws:s3:::b/*");
        assertThatThrownBy(() -> PolicyDocument.of(read, read)).hasMessage("duplicate Sid Read");
        assertThatThrownBy(() -> PolicyDocument.of(PolicyStatement.allow("Empty").on("*")))
                .hasMessage("Empty has no action");
        assertThatThrownBy(() -> PolicyDocument.of(PolicyStatement.allow("Nowhere").actions("s3:GetObject")))
                .hasMessage("Nowhere has neither resource nor principal");
        assertThatThrownBy(() -> PolicyStatement.allow("not-alnum")).hasMessageContaining("alphanumeric");
    }
}
