package org.democracyclub.ee.bootstrap.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.democracyclub.ee.bootstrap.policy.IamEvaluator.Request;
import org.democracyclub.ee.infra.iam.PolicyDocument;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** Who may assume which CI role, and that the preview role only reads. */
class CiRolesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ORG = "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee";
    private static final String PROJECT = "11111111-2222-4333-8444-555555555555";
    private static final String PROVIDER = "arn:aws:iam::123456789012:oidc-provider/oidc.circleci.com/org/" + ORG;
    private static final String USER = "99999999-8888-4777-8666-555555555555";
    private static final String ORIGIN = "github.com/DemocracyClub/every-election-deploy";

    /** The V2 token subject of a job (CircleCI's OIDC token docs). */
    private static String sub(String ref) {
        return "org/" + ORG + "/project/" + PROJECT + "/user/" + USER + "/vcs-origin/" + ORIGIN + "/vcs-ref/" + ref;
    }

    private static boolean assumes(PolicyDocument trust, String sub) {
        return new IamEvaluator(List.of(trust.toJson())).allows(Request.of("sts:AssumeRoleWithWebIdentity", "*")
                .with("oidc.circleci.com/org/" + ORG + ":aud", ORG)
                .with("oidc.circleci.com/org/" + ORG + ":sub", sub));
    }

    @Test
    void theDeployRoleOfEachEnvironmentTrustsOnlyItsDeployBranch() {
        PolicyDocument staging = CiTrustPolicy.deployDocument(PROVIDER, ORG, PROJECT,
                CiTrustPolicy.deployBranches("staging"));
        assertThat(assumes(staging, sub("refs/heads/main"))).isTrue();
        assertThat(assumes(staging, sub("refs/heads/development"))).isFalse();
        assertThat(assumes(staging, sub("refs/heads/feature/x"))).isFalse();
        assertThat(assumes(staging, sub("refs/heads/mainly"))).isFalse();
        assertThat(assumes(staging, sub("refs/pull/12/head"))).isFalse();
        // A branch named to end like the deploy branch's ref.
        assertThat(assumes(staging, sub("refs/heads/x/vcs-ref/refs/heads/main"))).isFalse();
        // The V1 token has no ref at all.
        assertThat(assumes(staging, "org/" + ORG + "/project/" + PROJECT + "/user/" + USER)).isFalse();
        assertThat(assumes(staging, sub("refs/heads/main").replace(PROJECT, "22222222-2222-4333-8444-555555555555")))
                .isFalse();
        PolicyDocument development = CiTrustPolicy.deployDocument(PROVIDER, ORG, PROJECT,
                CiTrustPolicy.deployBranches("development"));
        assertThat(assumes(development, sub("refs/heads/development"))).isTrue();
        assertThat(assumes(development, sub("refs/heads/main"))).isFalse();
    }

    @Test
    void thePreviewRoleTrustsEveryBranchOfTheProjectOnly() {
        PolicyDocument preview = CiTrustPolicy.previewDocument(PROVIDER, ORG, PROJECT);
        assertThat(assumes(preview, sub("refs/heads/feature/x"))).isTrue();
        assertThat(assumes(preview, sub("refs/heads/main"))).isTrue();
        assertThat(assumes(preview, sub("refs/heads/x").replace(PROJECT, "22222222-2222-4333-8444-555555555555")))
                .isFalse();
    }

    /** The branches .circleci/config.yml deploys each stack from are the ones its deploy role trusts. */
    @Test
    @SuppressWarnings("unchecked")
    void theDeployBranchesAreTheOnesCircleCiDeploysFrom() throws IOException {
        Map<String, Object> config = new Yaml().load(Files.readString(Path.of(".circleci/config.yml")));
        List<String> seen = new ArrayList<>();
        Map<String, Object> workflows = (Map<String, Object>) config.get("workflows");
        for (Object workflow : workflows.values()) {
            if (!(workflow instanceof Map<?, ?> w) || !(w.get("jobs") instanceof List<?> jobs)) {
                continue;
            }
            for (Object job : jobs) {
                // A job that names a stack and runs only on some branches deploys it (preview
                // jobs ignore branches instead); whatever the job is called.
                if (!(job instanceof Map<?, ?> entry) || entry.size() != 1
                        || !(entry.values().iterator().next() instanceof Map<?, ?> params)
                        || params.get("stack") == null || !(params.get("filters") instanceof Map<?, ?> filters)
                        || !(filters.get("branches") instanceof Map<?, ?> branchFilter)
                        || branchFilter.get("only") == null) {
                    continue;
                }
                String stack = String.valueOf(params.get("stack"));
                Object only = branchFilter.get("only");
                List<String> branches = only instanceof List<?> list ? (List<String>) list : List.of(String.valueOf(only));
                assertThat(CiTrustPolicy.deployBranches(stack)).as("deploy of " + stack).containsExactlyElementsOf(branches);
                seen.add(stack);
            }
        }
        assertThat(seen).as("deploy jobs in .circleci/config.yml").containsExactlyInAnyOrder(
                "development", "staging", "production");
    }

    /**
     * Every action the preview role is allowed, wildcards expanded against the Service
     * Authorization Reference, is of access level Read or List; the one exception is decrypting
     * the stack's secrets with the secrets key.
     */
    @Test
    void thePreviewPolicyGrantsOnlyReadAndListActions() throws IOException {
        JsonNode statements = JSON.readTree(CiPreviewPolicy.document(SarPolicyTest.SCOPE).toJson()).get("Statement");
        List<String> writes = new ArrayList<>();
        for (JsonNode statement : statements) {
            assertThat(statement.get("Effect").asText()).isEqualTo("Allow");
            boolean onTheSecretsKey = statement.get("Resource").toString().equals(
                    "[\"" + SarPolicyTest.SCOPE.secretsKeyArn() + "\"]");
            for (JsonNode pattern : statement.get("Action")) {
                for (Sar.Action action : Sar.DATA.expand(pattern.asText())) {
                    boolean decrypt = onTheSecretsKey && action.qualified().equals("kms:Decrypt");
                    if (!action.readsOnly() && !decrypt) {
                        writes.add(action.qualified() + " (" + action.access() + ") via " + pattern.asText());
                    }
                }
            }
        }
        assertThat(writes).isEmpty();
        assertThat(CiPreviewPolicy.document(SarPolicyTest.SCOPE).toJson().replaceAll("\\s", "").length())
                .isLessThanOrEqualTo(CiDeployPolicy.MAX_MANAGED_POLICY_CHARS);
    }

    @Test
    void theBoundaryFitsAManagedPolicy() {
        assertThat(BoundaryPolicy.document(SarPolicyTest.SCOPE).toJson().length())
                .isLessThanOrEqualTo(CiDeployPolicy.MAX_MANAGED_POLICY_CHARS);
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
