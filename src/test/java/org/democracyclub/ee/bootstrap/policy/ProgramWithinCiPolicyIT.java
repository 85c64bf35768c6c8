package org.democracyclub.ee.bootstrap.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.democracyclub.ee.bootstrap.policy.IamEvaluator.Request;
import org.democracyclub.ee.infra.program.Stacks;
import org.democracyclub.ee.infra.names.Names;
import org.democracyclub.ee.infra.policy.DeclaredResource;
import org.democracyclub.ee.infra.preview.Fixture;
import org.democracyclub.ee.infra.preview.OfflineRun;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The main program's IAM, as declared by the real stacks under the mock engine, is what the CI
 * deploy role may create: every role carries the bootstrap's boundary and has a name CI may
 * manage, and every policy attached to it is one CI may attach. A role added without the boundary
 * would fail at {@code pulumi up} with AccessDenied; here it fails the build.
 */
class ProgramWithinCiPolicyIT {
    private static final String ACCOUNT = Fixture.builtIn().accountId();
    private static final PolicyScope SCOPE = new PolicyScope(ACCOUNT, "eu-west-2", "dc-ee-pulumi-state-staging",
            "arn:aws:kms:eu-west-2:" + ACCOUNT + ":key/0d6f5b5e-1111-4222-8333-944455556666");
    private static final IamEvaluator CI = new IamEvaluator(CiDeployPolicy.documents(SCOPE).values());
    private static final String BOUNDARY = Names.permissionsBoundaryArn(ACCOUNT);

    private static String roleName(DeclaredResource role) {
        Object name = role.inputs().get("name");
        return name != null ? name.toString() : role.name();
    }

    @ParameterizedTest
    @ValueSource(strings = {"development", "staging", "production"})
    void everyRoleOfTheProgramCarriesTheBoundaryAndCiMayCreateIt(String stack) {
        OfflineRun run = Stacks.run(stack);
        List<DeclaredResource> roles = run.ofType("aws:iam/role:Role");
        assertThat(roles).isNotEmpty();
        for (DeclaredResource role : roles) {
            String arn = "arn:aws:iam::" + ACCOUNT + ":role/" + roleName(role);
            assertThat(role.inputs().get("permissionsBoundary")).as(roleName(role)).isEqualTo(BOUNDARY);
            assertThat(CI.allows(Request.of("iam:CreateRole", arn).with("iam:PermissionsBoundary", BOUNDARY)))
                    .as("CI may create " + arn).isTrue();
            List<String> managed = new ArrayList<>();
            if (role.inputs().get("managedPolicyArns") instanceof List<?> arns) {
                arns.forEach(a -> managed.add(a.toString()));
            }
            for (String policy : managed) {
                assertThat(CI.allows(Request.of("iam:AttachRolePolicy", arn)
                        .with("iam:PermissionsBoundary", BOUNDARY).with("iam:PolicyARN", policy)))
                        .as("CI may attach " + policy + " to " + arn).isTrue();
            }
        }
        for (DeclaredResource attachment : run.ofType("aws:iam/rolePolicyAttachment:RolePolicyAttachment")) {
            String policy = String.valueOf(attachment.inputs().get("policyArn"));
            assertThat(CI.allows(Request.of("iam:AttachRolePolicy", "arn:aws:iam::" + ACCOUNT + ":role/ee-x")
                    .with("iam:PermissionsBoundary", BOUNDARY).with("iam:PolicyARN", policy)))
                    .as("CI may attach " + policy).isTrue();
        }
    }

    /**
     * The boundary caps the program's roles; it must not cut what the program grants them in its
     * own inline policies, or the instances, CodeDeploy or Image Builder would fail at run time.
     */
    @ParameterizedTest
    @ValueSource(strings = {"development", "staging", "production"})
    void theBoundaryLeavesEveryGrantOfTheProgramsInlinePoliciesIntact(String stack) throws Exception {
        IamEvaluator boundary = new IamEvaluator(List.of(BoundaryPolicy.document(SCOPE).toJson()));
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        List<DeclaredResource> inline = Stacks.run(stack).ofType("aws:iam/rolePolicy:RolePolicy");
        assertThat(inline).isNotEmpty();
        List<String> cut = new ArrayList<>();
        for (DeclaredResource policy : inline) {
            for (var statement : json.readTree(String.valueOf(policy.inputs().get("policy"))).get("Statement")) {
                if (!statement.get("Effect").asText().equals("Allow")) {
                    continue;
                }
                for (var action : asList(statement.get("Action"))) {
                    for (var resource : asList(statement.get("Resource"))) {
                        if (!boundary.allows(Request.of(action, resource))) {
                            cut.add(policy.name() + ": " + action + " on " + resource);
                        }
                    }
                }
            }
        }
        assertThat(cut).isEmpty();
    }

    private static List<String> asList(com.fasterxml.jackson.databind.JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node == null) {
            return values;
        }
        if (node.isTextual()) {
            values.add(node.asText());
        } else {
            node.forEach(v -> values.add(v.asText()));
        }
        return values;
    }
}
