package org.democracyclub.ee.infra.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.democracyclub.ee.infra.policy.Res.list;
import static org.democracyclub.ee.infra.policy.Res.obj;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IamRulesTest {
    private final TestStack stack = TestStack.compliant("production");

    /** A one-statement policy document. */
    private static String policy(String action, String resource) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":{\"Sid\":\"S1\",\"Effect\":\"Allow\",\"Action\":"
                + action + ",\"Resource\":" + resource + "}}";
    }

    private TestStack withRolePolicy(String document) {
        return stack.add(Res.of(Types.IAM_ROLE_POLICY, "extra").set("role", "CodeDeployServiceRole")
                .set("policy", document));
    }

    @Test
    void theProgramsPoliciesPassEveryIamRule() {
        for (Rule rule : IamRules.all()) {
            assertThat(stack.check(rule)).as(rule.id()).isEmpty();
        }
    }

    @Test
    void actionStarIsCaught() {
        withRolePolicy(policy("\"*\"", "\"arn:aws:s3:::bucket/*\""));

        assertThat(stack.check(IamRules.noWildcardAction()))
                .extracting(Violation::ruleId, Violation::resourceName, Violation::problem)
                .containsExactly(tuple("EE-IAM-1", "extra", "statement S1 in policy allows \"Action\": \"*\""));
    }

    @Test
    void actionStarInARolesInlinePolicyIsCaught() {
        stack.edit("CodeDeployServiceRole", r -> r.set("inlinePolicies", list(
                obj("name", "everything", "policy", policy("[\"s3:GetObject\",\"*\"]", "\"*\"")))));

        assertThat(stack.check(IamRules.noWildcardAction()))
                .extracting(Violation::ruleId, Violation::resourceName)
                .containsExactly(tuple("EE-IAM-1", "CodeDeployServiceRole"));
    }

    @Test
    void aPolicyGivenAsAnObjectIsCheckedToo() {
        stack.add(Res.of(Types.IAM_POLICY, "as-object").set("policy", obj("Version", "2012-10-17",
                "Statement", list(obj("Effect", "Allow", "Action", "*", "Resource", "*")))));

        assertThat(stack.check(IamRules.noWildcardAction()))
                .extracting(Violation::ruleId, Violation::resourceName)
                .containsExactly(tuple("EE-IAM-1", "as-object"));
    }

    @Test
    void allowWithNotActionIsCaught() {
        withRolePolicy("{\"Statement\":[{\"Effect\":\"Allow\",\"NotAction\":\"iam:*\",\"Resource\":\"*\"}]}");

        assertThat(stack.check(IamRules.noWildcardAction())).extracting(Violation::ruleId).containsExactly("EE-IAM-1");
    }

    @Test
    void denyWithActionStarIsFine() {
        withRolePolicy("{\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\","
                + "\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}]}");

        assertThat(stack.check(IamRules.noWildcardAction())).isEmpty();
        assertThat(stack.check(IamRules.noAdministratorDocument())).isEmpty();
    }

    @Test
    void aPolicyThatIsNotJsonIsCaughtRatherThanSkipped() {
        withRolePolicy("{not json");

        assertThat(stack.check(IamRules.noWildcardAction()))
                .extracting(Violation::ruleId).containsExactly("EE-IAM-1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"iam:CreateRole", "iam:Put*", "iam:Attach*", "iam:Pass*", "iam:Update*", "iam:Delete*",
            "iam:*", "IAM:PutRolePolicy"})
    void iamWriteActionsOnEveryResourceAreCaught(String action) {
        withRolePolicy(policy("\"" + action + "\"", "\"*\""));

        assertThat(stack.check(IamRules.noIamWriteOnAnyResource()))
                .extracting(Violation::ruleId, Violation::resourceName)
                .containsExactly(tuple("EE-IAM-2", "extra"));
    }

    @Test
    void iamReadActionsOnEveryResourcePass() {
        withRolePolicy(policy("[\"iam:GetRole\",\"iam:List*\"]", "\"*\""));

        assertThat(stack.check(IamRules.noIamWriteOnAnyResource())).isEmpty();
    }

    @Test
    void iamWritesOnANamedRolePass() {
        withRolePolicy(policy("\"iam:PutRolePolicy\"", "\"" + TestStack.INSTANCE_ROLE_ARN + "\""));

        assertThat(stack.check(IamRules.noIamWriteOnAnyResource())).isEmpty();
    }

    @Test
    void passRoleOnTheInstanceRolePasses() {
        assertThat(stack.check(IamRules.passRoleOnNamedRoles())).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"*\"", "\"arn:aws:iam::123456789012:role/*\"", "\"arn:aws:iam::123456789012:role/Code*\"",
            "\"arn:aws:iam::*\"", "[\"arn:aws:iam::123456789012:role/A\", \"arn:*\"]"})
    void passRoleOnWildcardsIsCaught(String resource) {
        withRolePolicy(policy("\"iam:PassRole\"", resource));

        assertThat(stack.check(IamRules.passRoleOnNamedRoles()))
                .extracting(Violation::ruleId, Violation::resourceName)
                .containsExactly(tuple("EE-IAM-3", "extra"));
    }

    @Test
    void passRoleGrantedThroughAWildcardActionIsCaught() {
        withRolePolicy(policy("\"iam:Pass*\"", "\"arn:aws:iam::*:role/*\""));

        assertThat(stack.check(IamRules.passRoleOnNamedRoles())).extracting(Violation::ruleId).containsExactly("EE-IAM-3");
    }

    @Test
    void passRoleOnResourcesThatCannotBeRolesIsNotReported() {
        withRolePolicy(policy("\"*\"", "[\"arn:aws:s3:::bucket/*\", \"arn:aws:iam::123456789012:user/ci\"]"));

        assertThat(stack.check(IamRules.passRoleOnNamedRoles())).isEmpty();
    }

    @Test
    void anInlineAdministratorPolicyIsCaught() {
        stack.add(Res.of(Types.IAM_POLICY, "admin").set("policy", policy("\"*\"", "\"*\"")));

        assertThat(stack.check(IamRules.noAdministratorDocument()))
                .extracting(Violation::ruleId, Violation::resourceName)
                .containsExactly(tuple("EE-IAM-4", "admin"));
    }

    @Test
    void actionStarOnOneResourceIsNotAnAdministratorPolicy() {
        withRolePolicy(policy("\"*\"", "\"arn:aws:s3:::bucket\""));

        assertThat(stack.check(IamRules.noAdministratorDocument())).isEmpty();
    }

    @Test
    void noAccessKeyPasses() {
        assertThat(stack.check(IamRules.noAccessKeys())).isEmpty();
    }

    @Test
    void anAccessKeyIsCaught() {
        stack.add(Res.of(Types.IAM_ACCESS_KEY, "ci-key").set("user", "ci"));

        assertThat(stack.check(IamRules.noAccessKeys()))
                .extracting(Violation::ruleId, Violation::resourceName)
                .containsExactly(tuple("EE-IAM-5", "ci-key"));
    }

    @Test
    void attachingServicePoliciesPasses() {
        assertThat(stack.check(IamRules.noAdministratorAccessAttachment())).isEmpty();
    }

    @Test
    void attachingAdministratorAccessIsCaughtWhereverItIsAttached() {
        stack.add(Res.of(Types.IAM_ROLE_POLICY_ATTACHMENT, "admin-attachment")
                .set("policyArn", "arn:aws:iam::aws:policy/AdministratorAccess"));
        stack.edit("CodeDeployServiceRole", r -> r.set("managedPolicyArns",
                list("arn:aws:iam::aws:policy/AdministratorAccess")));

        assertThat(stack.check(IamRules.noAdministratorAccessAttachment()))
                .extracting(Violation::ruleId, Violation::resourceName)
                .containsExactlyInAnyOrder(tuple("EE-IAM-6", "admin-attachment"),
                        tuple("EE-IAM-6", "CodeDeployServiceRole"));
    }
}
