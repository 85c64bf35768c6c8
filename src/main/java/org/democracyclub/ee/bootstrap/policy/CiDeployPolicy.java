package org.democracyclub.ee.bootstrap.policy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.democracyclub.ee.infra.iam.PolicyDocument;
import org.democracyclub.ee.infra.iam.PolicyStatement;

/**
 * The permissions of the CI role: what {@code pulumi preview/up} of the main program and the
 * deployer need, and nothing else. Split by concern into several managed policies because one
 * managed policy may hold at most 6,144 characters.
 */
public final class CiDeployPolicy {
    /** IAM's size limit for one managed policy, counted without whitespace (IAM quotas). */
    public static final int MAX_MANAGED_POLICY_CHARS = 6144;
    /**
     * Managed policies IAM lets one role carry by default (IAM quotas; up to 20 on request):
     * the CI role carries one per area.
     */
    public static final int MAX_POLICIES_PER_ROLE = 10;

    private static final Map<String, Function<PolicyScope, List<PolicyStatement>>> AREAS = areas();

    private CiDeployPolicy() {
    }

    private static Map<String, Function<PolicyScope, List<PolicyStatement>>> areas() {
        Map<String, Function<PolicyScope, List<PolicyStatement>>> areas = new LinkedHashMap<>();
        areas.put("state", StateBackendAccess::statements);
        areas.put("network", NetworkAccess::statements);
        areas.put("fleet", FleetAccess::statements);
        areas.put("identity", IdentityAccess::statements);
        areas.put("images", ImageAccess::statements);
        areas.put("edge", EdgeAccess::statements);
        areas.put("storage", StorageAccess::statements);
        areas.put("ops", OpsAccess::statements);
        areas.put("guards", GuardAccess::statements);
        return areas;
    }

    /** The names of the policies, known before any account or key exists. */
    public static List<String> policyNames() {
        return AREAS.keySet().stream().map(area -> ManagedNames.CI_ROLE + "-" + area).toList();
    }

    /** The policies by name ({@code circleci-ee-deploy-<area>}), in a stable order. */
    public static Map<String, PolicyDocument> policies(PolicyScope scope) {
        Map<String, PolicyDocument> policies = new LinkedHashMap<>();
        AREAS.forEach((area, statements) ->
                policies.put(ManagedNames.CI_ROLE + "-" + area, new PolicyDocument(statements.apply(scope))));
        return policies;
    }

    /**
     * The policies as JSON by name: what the bootstrap creates, and what an offline preview lists.
     */
    public static Map<String, String> documents(PolicyScope scope) {
        Map<String, String> documents = new LinkedHashMap<>();
        policies(scope).forEach((name, document) -> documents.put(name, document.toJson()));
        return documents;
    }
}
