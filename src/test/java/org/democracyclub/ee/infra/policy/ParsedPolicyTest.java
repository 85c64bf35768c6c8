package org.democracyclub.ee.infra.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.democracyclub.ee.infra.iam.PolicyDocument;
import org.democracyclub.ee.infra.iam.PolicyStatement;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The rules read back what the programs' builder renders, and IAM's single-value form alike. */
class ParsedPolicyTest {
    private static final DeclaredResource ROLE = new DeclaredResource(Types.IAM_ROLE, "role", "id", Map.of());

    @Test
    @DisplayName("a document of the builder is read back statement by statement, Sid, effect, actions and resources")
    void readsWhatTheBuilderRenders() {
        String json = PolicyDocument.of(
                PolicyStatement.allow("Launch").actions("ec2:RunInstances", "ec2:CreateTags").on("*"),
                PolicyStatement.denyWithoutTls("arn:aws:s3:::b", "arn:aws:s3:::b/*")).toJson();
        ParsedPolicy parsed = ParsedPolicy.parse(ROLE, "policy", false, json);
        assertThat(parsed.error()).isNull();
        assertThat(parsed.statements()).containsExactly(
                new ParsedPolicy.Statement("Launch", true, List.of("ec2:RunInstances", "ec2:CreateTags"),
                        false, List.of("*"), false),
                new ParsedPolicy.Statement("DenyInsecureTransport", false, List.of("s3:*"),
                        false, List.of("arn:aws:s3:::b", "arn:aws:s3:::b/*"), false));
    }

    @Test
    @DisplayName("a trust statement of the builder (a principal, no resource) and IAM's single-value form read the same")
    void readsListsAndSingleValuesAlike() {
        String built = PolicyDocument.of(PolicyStatement.trustServices("ec2.amazonaws.com")).toJson();
        String handWritten = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Sid\":\"Trust\",\"Effect\":\"Allow\","
                + "\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}}";
        assertThat(ParsedPolicy.parse(ROLE, "assumeRolePolicy", true, built).statements())
                .isEqualTo(ParsedPolicy.parse(ROLE, "assumeRolePolicy", true, handWritten).statements())
                .singleElement().satisfies(s -> assertThat(s.resources()).isEmpty());
    }
}
