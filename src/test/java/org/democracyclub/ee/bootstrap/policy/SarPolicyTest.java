package org.democracyclub.ee.bootstrap.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.democracyclub.ee.infra.names.Names;
import org.junit.jupiter.api.Test;

/**
 * Every policy the bootstrap declares, read against the Service Authorization Reference as data:
 * each action exists; an allowed action is granted on a resource its type supports ("*" for the
 * actions that support only "*"); each resource is usable by some action of its statement; each
 * condition key of an allow is known to every action of the statement (a key an action does not
 * set makes the condition false, so the grant would be dead).
 */
class SarPolicyTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Sar SAR = Sar.DATA;
    static final PolicyScope SCOPE = new PolicyScope("123456789012", "eu-west-2", "dc-ee-pulumi-state-staging",
            "arn:aws:kms:eu-west-2:123456789012:key/0d6f5b5e-1111-4222-8333-944455556666");
    private static final String ORG = "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee";
    private static final String PROVIDER = "arn:aws:iam::123456789012:oidc-provider/oidc.circleci.com/org/" + ORG;

    /** Every document the bootstrap creates, by name. */
    static Map<String, String> allDocuments() {
        Map<String, String> documents = new LinkedHashMap<>(CiDeployPolicy.documents(SCOPE));
        documents.put(CiPreviewPolicy.policyName(), CiPreviewPolicy.document(SCOPE).toJson());
        documents.put(Names.PERMISSIONS_BOUNDARY, BoundaryPolicy.document(SCOPE).toJson());
        return documents;
    }

    private static List<String> strings(JsonNode node) {
        if (node == null) {
            return List.of();
        }
        return node.isTextual() ? List.of(node.asText())
                : StreamSupport.stream(node.spliterator(), false).map(JsonNode::asText).toList();
    }

    @Test
    void theDataIsTheCommittedPackageVersionAndKnowsTheFactsTheIssueCites() {
        assertThat(SAR.version()).isEqualTo("0.21.202609261");
        for (String star : List.of("codedeploy:ListDeploymentTargets", "codedeploy:BatchGetDeploymentTargets",
                "codedeploy:GetDeploymentTarget", "codedeploy:StopDeployment", "codedeploy:ContinueDeployment",
                "cloudfront:CreateDistribution", "cloudfront:CreateCachePolicy")) {
            assertThat(SAR.action(star)).as(star).hasValueSatisfying(a -> assertThat(a.onlyStar()).isTrue());
        }
        assertThat(SAR.action("cloudfront:CreateDistributionWithTags")).isEmpty();
        assertThat(SAR.action("iam:PassRole")).hasValueSatisfying(a -> assertThat(a.conditions())
                .contains("iam:PassedToService"));
    }

    @Test
    void everyActionOfEveryPolicyExists() {
        List<String> problems = new ArrayList<>();
        Map<String, String> documents = new LinkedHashMap<>(allDocuments());
        documents.put("deploy-trust", CiTrustPolicy.deployDocument(PROVIDER, ORG, "p", List.of("main")).toJson());
        documents.put("preview-trust", CiTrustPolicy.previewDocument(PROVIDER, ORG, "p").toJson());
        forEachStatement(documents, (policy, statement) -> {
            for (String action : strings(statement.get("Action"))) {
                String service = action.substring(0, action.indexOf(':'));
                if (!SAR.hasService(service)) {
                    problems.add(policy + ": " + action + ": service " + service
                            + " is not in sar.json (add it to generate.mjs and regenerate)");
                } else if (SAR.expand(action).isEmpty()) {
                    problems.add(policy + "/" + statement.get("Sid").asText() + ": " + action + " is no IAM action");
                }
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void everyAllowedActionIsGrantedOnAResourceItsTypeSupports() {
        List<String> problems = new ArrayList<>();
        forEachStatement(allDocuments(), (policy, statement) -> {
            if (!statement.get("Effect").asText().equals("Allow")) {
                return;
            }
            String where = policy + "/" + statement.get("Sid").asText();
            List<String> resources = strings(statement.get("Resource"));
            for (String pattern : strings(statement.get("Action"))) {
                List<Sar.Action> actions = SAR.expand(pattern);
                boolean anyLive = actions.stream().anyMatch(a -> live(a, resources));
                if (!anyLive) {
                    problems.add(where + ": " + pattern + " is granted on " + resources + " but supports "
                            + actions.stream().map(a -> a.onlyStar() ? "\"*\" only" : SAR.arnTemplates(a).toString())
                                    .distinct().toList());
                }
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void everyResourceIsUsableBySomeActionOfItsStatement() {
        List<String> problems = new ArrayList<>();
        forEachStatement(allDocuments(), (policy, statement) -> {
            List<Sar.Action> actions = strings(statement.get("Action")).stream().flatMap(a -> SAR.expand(a).stream())
                    .toList();
            for (String resource : strings(statement.get("Resource"))) {
                if (!resource.equals("*") && actions.stream().noneMatch(a -> SAR.arnTemplates(a).values().stream()
                        .anyMatch(template -> ArnOverlap.overlaps(resource, template)))) {
                    problems.add(policy + "/" + statement.get("Sid").asText() + ": no action uses " + resource);
                }
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void everyConditionKeyOfAnAllowIsOneEachOfItsActionsSets() {
        List<String> problems = new ArrayList<>();
        forEachStatement(allDocuments(), (policy, statement) -> {
            JsonNode conditions = statement.get("Condition");
            if (conditions == null || !statement.get("Effect").asText().equals("Allow")) {
                return;
            }
            List<String> keys = new ArrayList<>();
            conditions.forEach(byOperator -> byOperator.fieldNames().forEachRemaining(keys::add));
            for (String key : keys) {
                if (isGlobal(key)) {
                    continue;
                }
                for (String pattern : strings(statement.get("Action"))) {
                    for (Sar.Action action : SAR.expand(pattern)) {
                        if (SAR.conditionKeys(action).stream().noneMatch(t -> Sar.keyMatches(t, key))) {
                            problems.add(policy + "/" + statement.get("Sid").asText() + ": " + action.qualified()
                                    + " does not set " + key);
                        }
                    }
                }
            }
        });
        assertThat(problems).isEmpty();
    }

    /** Keys IAM sets on every request; tag keys are not among them (they depend on the action). */
    private static boolean isGlobal(String key) {
        String lower = key.toLowerCase(java.util.Locale.ROOT);
        return lower.startsWith("aws:") && !lower.startsWith("aws:requesttag/")
                && !lower.startsWith("aws:resourcetag/") && !lower.equals("aws:tagkeys");
    }

    private static boolean live(Sar.Action action, List<String> resources) {
        if (resources.contains("*")) {
            return true;
        }
        if (action.onlyStar()) {
            return false;
        }
        return resources.stream().anyMatch(r -> SAR.arnTemplates(action).values().stream()
                .anyMatch(template -> ArnOverlap.overlaps(r, template)));
    }

    @Test
    void theOverlapOfPatternAndTemplateFollowsIamWildcards() {
        String role = "arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}";
        assertThat(ArnOverlap.overlaps("arn:aws:iam::123456789012:role/ee-*", role)).isTrue();
        assertThat(ArnOverlap.overlaps("arn:aws:iam::123456789012:policy/ee-*", role)).isFalse();
        String bucket = "arn:${Partition}:s3:::${BucketName}";
        String object = "arn:${Partition}:s3:::${BucketName}/${ObjectName}";
        assertThat(ArnOverlap.overlaps("arn:aws:s3:::ee-*", bucket)).isTrue();
        assertThat(ArnOverlap.overlaps("arn:aws:s3:::state", object)).isFalse();
        assertThat(ArnOverlap.overlaps("arn:aws:s3:::state/*", object)).isTrue();
        assertThat(ArnOverlap.overlaps("arn:aws:s3:::state/x", bucket)).isFalse();
        assertThat(ArnOverlap.overlaps("arn:aws:imagebuilder:eu-west-2:*:*",
                "arn:${Partition}:imagebuilder:${Region}:${Account}:component/${ComponentName}/${V}/${B}")).isTrue();
    }

    private static void forEachStatement(Map<String, String> documents,
            java.util.function.BiConsumer<String, JsonNode> visit) {
        documents.forEach((name, json) -> {
            try {
                JSON.readTree(json).get("Statement").forEach(statement -> visit.accept(name, statement));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }
}
