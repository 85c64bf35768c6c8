package org.democracyclub.ee.bootstrap.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The policy model: what it refuses to build, and the JSON IAM receives. */
class BootstrapPolicyDocumentTest {
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

    @Test
    void theDeployRoleTrustsOnlyTheProjectsJobsOnItsDeployBranches() throws Exception {
        String org = "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee";
        String provider = "arn:aws:iam::123456789012:oidc-provider/oidc.circleci.com/org/" + org;
        JsonNode statement = JSON.readTree(CiTrustPolicy.deployDocument(provider, org, "p-uuid", List.of("main"))
                .toJson()).get("Statement").get(0);
        assertThat(statement.at("/Principal/Federated/0").asText()).isEqualTo(provider);
        assertThat(statement.get("Action").toString()).isEqualTo("[\"sts:AssumeRoleWithWebIdentity\"]");
        assertThat(statement.has("Resource")).isFalse();
        assertThat(statement.at("/Condition/StringEquals").get("oidc.circleci.com/org/" + org + ":aud").toString())
                .isEqualTo("[\"" + org + "\"]");
        assertThat(statement.at("/Condition/StringLike").get("oidc.circleci.com/org/" + org + ":sub").toString())
                .isEqualTo("[\"org/" + org + "/project/p-uuid/user/*/vcs-origin/*/vcs-ref/refs/heads/main\"]");
        assertThatThrownBy(() -> CiTrustPolicy.deployDocument(provider, org, "p", List.of()))
                .hasMessageContaining("at least one deploy branch");
    }

    @Test
    void developmentDeploysFromDevelopmentAndStagingAndProductionFromMain() {
        assertThat(CiTrustPolicy.deployBranches("development")).containsExactly("development");
        assertThat(CiTrustPolicy.deployBranches("staging")).containsExactly("main");
        assertThat(CiTrustPolicy.deployBranches("production")).containsExactly("main");
    }
}
