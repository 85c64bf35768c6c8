package org.democracyclub.ee.infra.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The document: what it refuses to hold, and the JSON IAM receives. */
class PolicyDocumentTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PolicyStatement READ = PolicyStatement.allow("Read").actions("s3:GetObject").on("arn:aws:s3:::b/*");

    private static JsonNode render(PolicyStatement... statements) throws Exception {
        return JSON.readTree(PolicyDocument.of(statements).toJson());
    }

    @Test
    @DisplayName("renders the version, then each statement in order, its conditions grouped by operator")
    void rendersVersionStatementsAndConditionsGroupedByOperator() throws Exception {
        JsonNode root = render(PolicyStatement.allow("ReadTagged")
                .actions("ec2:DescribeImages")
                .on("*")
                .when("StringEquals", "aws:ResourceTag/dc-product", "ee")
                .when("StringEquals", "aws:RequestedRegion", "eu-west-2")
                .when("Bool", "aws:SecureTransport", "true"), READ);
        assertThat(root.get("Version").asText()).isEqualTo("2012-10-17");
        assertThat(root.get("Statement")).extracting(s -> s.get("Sid").asText()).containsExactly("ReadTagged", "Read");
        JsonNode statement = root.get("Statement").get(0);
        assertThat(statement.get("Effect").asText()).isEqualTo("Allow");
        assertThat(statement.at("/Condition/StringEquals").toString())
                .isEqualTo("{\"aws:ResourceTag/dc-product\":[\"ee\"],\"aws:RequestedRegion\":[\"eu-west-2\"]}");
        assertThat(statement.at("/Condition/Bool/aws:SecureTransport").toString()).isEqualTo("[\"true\"]");
        assertThat(statement.has("Principal")).isFalse();
    }

    @Test
    @DisplayName("an identity statement has no Principal; a trust statement has no Resource")
    void rendersOnlyThePartsAStatementHas() throws Exception {
        JsonNode statements = render(READ, PolicyStatement.trustServices("ec2.amazonaws.com")).get("Statement");
        assertThat(statements.get(0).has("Principal")).isFalse();
        assertThat(statements.get(0).has("Condition")).isFalse();
        assertThat(statements.get(1).has("Resource")).isFalse();
    }

    @Test
    @DisplayName("a document needs at least one statement")
    void refusesAnEmptyDocument() {
        assertThatThrownBy(() -> new PolicyDocument(List.of()))
                .hasMessage("a policy document needs at least one statement");
        assertThat(new PolicyDocument(List.of(READ)).statements()).containsExactly(READ);
    }

    @Test
    @DisplayName("two statements may not share a Sid")
    void refusesDuplicateSids() {
        assertThatThrownBy(() -> PolicyDocument.of(READ, READ)).hasMessage("duplicate Sid Read");
        PolicyStatement write = PolicyStatement.allow("Write").actions("s3:PutObject").on("arn:aws:s3:::b/*");
        assertThat(PolicyDocument.of(READ, write).statements()).containsExactly(READ, write);
    }

    @Test
    @DisplayName("a statement without an action is refused")
    void refusesAStatementWithoutAction() {
        assertThatThrownBy(() -> PolicyDocument.of(PolicyStatement.allow("Empty").on("*")))
                .hasMessage("Empty has no action");
        assertThat(PolicyDocument.of(PolicyStatement.allow("Empty").on("*").actions("s3:ListAllMyBuckets")).toJson())
                .contains("\"Action\":[\"s3:ListAllMyBuckets\"]");
    }

    @Test
    @DisplayName("a statement needs a resource or a principal; either one alone is enough")
    void refusesAStatementWithNeitherResourceNorPrincipal() {
        assertThatThrownBy(() -> PolicyDocument.of(PolicyStatement.allow("Nowhere").actions("s3:GetObject")))
                .hasMessage("Nowhere has neither resource nor principal");
        assertThat(PolicyDocument.of(READ).statements().get(0).principal()).isEmpty();
        assertThat(PolicyDocument.of(PolicyStatement.trustAccount("123456789012")).statements().get(0).resources())
                .isEmpty();
    }

    @Test
    @DisplayName("principals of several types render in the order given (Map.copyOf would change it from run to run)")
    void rendersPrincipalsInTheOrderGiven() {
        PolicyStatement statement = PolicyStatement.allow("Both")
                .principal("Service", "events.amazonaws.com")
                .principal("AWS", "arn:aws:iam::123456789012:root")
                .actions("sns:Publish").on("*");
        assertThat(PolicyDocument.of(statement).toJson()).contains("\"Principal\":{\"Service\":[\"events.amazonaws.com\"],"
                        + "\"AWS\":[\"arn:aws:iam::123456789012:root\"]}");
    }
}
