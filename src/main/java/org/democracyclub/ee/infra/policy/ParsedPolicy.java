package org.democracyclub.ee.infra.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.democracyclub.ee.infra.iam.Wildcard;
import org.democracyclub.ee.infra.settings.Json;

/**
 * An IAM policy document found in a resource's inputs, parsed into statements for the rules (what
 * a program declared, read back; the programs build theirs with {@code infra.iam.PolicyStatement}).
 * IAM allows a single value or an array almost everywhere; statements normalise both so rules
 * need not care.
 *
 * @param owner      the resource that holds the document
 * @param where      which input holds it, e.g. {@code policy} or {@code inlinePolicies[app]}
 * @param trust      true for a role's trust (assume-role) policy
 * @param statements the parsed statements (empty when {@code error} is set)
 * @param error      why the document could not be parsed, or null
 */
record ParsedPolicy(DeclaredResource owner, String where, boolean trust, List<Statement> statements,
                      String error) {


    /** One statement; {@code notAction}/{@code notResource} say the list is an exclusion. */
    record Statement(String sid, boolean allow, List<String> actions, boolean notAction,
                     List<String> resources, boolean notResource) {

        /** Whether the statement grants this concrete action (e.g. {@code iam:PassRole}). */
        boolean grants(String action) {
            boolean listed = actions.stream().anyMatch(pattern -> globMatches(pattern, action));
            return allow && (notAction != listed);
        }

        /** Whether it applies to every resource: {@code "Resource": "*"} or any NotResource. */
        boolean onAnyResource() {
            return notResource || resources.contains("*");
        }

        /** Whether it allows {@code "Action": "*"} (or {@code "*:*"}). */
        boolean grantsEverything() {
            return allow && !notAction && actions.stream().anyMatch(a -> a.equals("*") || a.equals("*:*"));
        }

        String label() {
            return sid == null || sid.isBlank() ? "a statement" : "statement " + sid;
        }
    }

    /** Every policy document declared in the stack's IAM resources. */
    static List<ParsedPolicy> all(PolicyInput input) {
        List<ParsedPolicy> docs = new ArrayList<>();
        for (DeclaredResource r : input.resources()) {
            switch (r.type()) {
                case Types.IAM_ROLE -> {
                    add(docs, r, "assumeRolePolicy", true, r.at("assumeRolePolicy"));
                    for (Map<String, Object> inline : r.objects("inlinePolicies")) {
                        add(docs, r, "inlinePolicies[" + Props.string(inline, "name").orElse("?") + "]", false,
                                inline.get("policy"));
                    }
                }
                case Types.IAM_ROLE_POLICY, Types.IAM_USER_POLICY, Types.IAM_GROUP_POLICY, Types.IAM_POLICY ->
                        add(docs, r, "policy", false, r.at("policy"));
                default -> {
                }
            }
        }
        return docs;
    }

    /** Policies are JSON text in pulumi-aws; an object (already parsed) is accepted too. */
    private static void add(List<ParsedPolicy> docs, DeclaredResource owner, String where, boolean trust,
                            Object value) {
        if (value instanceof String json) {
            docs.add(parse(owner, where, trust, json));
        } else if (value instanceof Map<?, ?> object) {
            docs.add(parse(owner, where, trust, Json.MAPPER.valueToTree(object).toString()));
        }
    }

    static ParsedPolicy parse(DeclaredResource owner, String where, boolean trust, String json) {
        try {
            JsonNode root = Json.MAPPER.readTree(json);
            if (root == null || !root.isObject()) {
                return new ParsedPolicy(owner, where, trust, List.of(), "it is not a JSON object");
            }
            List<Statement> statements = new ArrayList<>();
            for (JsonNode s : values(root.get("Statement"))) {
                statements.add(new Statement(
                        s.path("Sid").asText(null),
                        s.path("Effect").asText("").equals("Allow"),
                        texts(s.has("NotAction") ? s.get("NotAction") : s.get("Action")),
                        s.has("NotAction"),
                        texts(s.has("NotResource") ? s.get("NotResource") : s.get("Resource")),
                        s.has("NotResource")));
            }
            return new ParsedPolicy(owner, where, trust, statements, null);
        } catch (Exception e) {
            return new ParsedPolicy(owner, where, trust, List.of(), "it is not valid JSON (" + e.getMessage() + ")");
        }
    }

    private static List<JsonNode> values(JsonNode node) {
        List<JsonNode> result = new ArrayList<>();
        if (node == null || node.isNull()) {
            return result;
        }
        if (node.isArray()) {
            node.forEach(result::add);
        } else {
            result.add(node);
        }
        return result;
    }

    private static List<String> texts(JsonNode node) {
        return values(node).stream().map(JsonNode::asText).toList();
    }

    /** IAM matching of actions: case-insensitive ({@link Wildcard}). */
    static boolean globMatches(String pattern, String value) {
        return Wildcard.matches(pattern, value, true);
    }

    String label() {
        return where + (trust ? " (trust policy)" : "");
    }
}
