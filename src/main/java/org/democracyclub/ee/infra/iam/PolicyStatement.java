package org.democracyclub.ee.infra.iam;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One statement of an IAM policy, as data: the one builder of every policy the programs declare
 * (identity, trust and resource policies). Built fluently ({@code allow("Sid").actions(..).on(..)})
 * and immutable: each step returns a new statement, so a partly built statement can be shared.
 * What IAM would refuse only when the policy is created, far from here, fails here at once.
 *
 * @param sid        the statement ID, unique within its document (IAM shows it in access-denied
 *                   diagnostics, so it says what the statement is for)
 * @param effect     {@code Allow} or {@code Deny}
 * @param principal  for resource and trust policies: principal type ({@code Service}, {@code AWS},
 *                   {@code Federated}) to IDs, in the order added; empty in identity policies
 * @param actions    service-prefixed actions; never {@code *}
 * @param resources  ARNs or patterns; empty only in trust policies
 * @param conditions condition clauses, all of which must hold
 */
public record PolicyStatement(
        String sid,
        Effect effect,
        Map<String, List<String>> principal,
        List<String> actions,
        List<String> resources,
        List<Condition> conditions) {

    /** Statement effect, rendered with IAM's capitalisation. */
    public enum Effect {
        ALLOW("Allow"), DENY("Deny");

        private final String json;

        Effect(String json) {
            this.json = json;
        }

        public String json() {
            return json;
        }
    }

    /**
     * One condition clause: {@code operator} ({@code StringEquals}, {@code ArnLike},
     * {@code ForAllValues:StringEquals}, ...) applied to {@code key} with any of {@code values}.
     */
    public record Condition(String operator, String key, List<String> values) {
        public Condition {
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(key, "key");
            values = List.copyOf(values);
            if (values.isEmpty()) {
                throw new IllegalArgumentException("condition " + operator + " " + key + " has no value");
            }
        }
    }

    public PolicyStatement {
        Objects.requireNonNull(sid, "sid");
        Objects.requireNonNull(effect, "effect");
        if (!sid.matches("[A-Za-z0-9]+")) {
            // IAM rejects any other character in a Sid when the policy is created, far from here.
            throw new IllegalArgumentException("Sid must be alphanumeric: " + sid);
        }
        // In the order added (Map.copyOf has none), so the rendered JSON is the same on every run.
        Map<String, List<String>> principals = new LinkedHashMap<>();
        principal.forEach((type, ids) -> principals.put(type, List.copyOf(ids)));
        principal = Collections.unmodifiableMap(principals);
        actions = List.copyOf(actions);
        resources = List.copyOf(resources);
        conditions = List.copyOf(conditions);
        Set<String> keys = new HashSet<>();
        for (Condition condition : conditions) {
            if (!keys.add(condition.operator() + " " + condition.key())) {
                // Rendered as one JSON object per operator, the second would silently replace the first.
                throw new IllegalArgumentException(sid + " has two " + condition.operator() + " conditions on "
                        + condition.key() + ": give both values to one");
            }
        }
    }

    public static PolicyStatement allow(String sid) {
        return new PolicyStatement(sid, Effect.ALLOW, Map.of(), List.of(), List.of(), List.of());
    }

    public static PolicyStatement deny(String sid) {
        return new PolicyStatement(sid, Effect.DENY, Map.of(), List.of(), List.of(), List.of());
    }

    /** Adds actions; {@code *} alone is refused here so no statement can grant every action. */
    public PolicyStatement actions(String... added) {
        for (String action : added) {
            if (!action.matches("[a-z0-9-]+:[A-Za-z0-9*]+")) {
                throw new IllegalArgumentException("action must be service:Name, got " + action);
            }
        }
        return new PolicyStatement(sid, effect, principal, concat(actions, added), resources, conditions);
    }

    public PolicyStatement actions(List<String> added) {
        return actions(added.toArray(String[]::new));
    }

    public PolicyStatement on(String... added) {
        return new PolicyStatement(sid, effect, principal, actions, concat(resources, added), conditions);
    }

    public PolicyStatement on(List<String> added) {
        return on(added.toArray(String[]::new));
    }

    public PolicyStatement when(String operator, String key, String... values) {
        List<Condition> more = new ArrayList<>(conditions);
        more.add(new Condition(operator, key, List.of(values)));
        return new PolicyStatement(sid, effect, principal, actions, resources, more);
    }

    /** Adds principals of one type; a statement may name several types ({@code AWS} and {@code Service}). */
    public PolicyStatement principal(String type, String... ids) {
        if (ids.length == 0) {
            throw new IllegalArgumentException(sid + " names no " + type + " principal");
        }
        if (principal.containsKey(type)) {
            throw new IllegalArgumentException(sid + " names its " + type + " principals twice: give them in one call");
        }
        Map<String, List<String>> more = new LinkedHashMap<>(principal);
        more.put(type, List.of(ids));
        return new PolicyStatement(sid, effect, more, actions, resources, conditions);
    }

    /**
     * Only when the service acts for {@code accountId} ({@code aws:SourceAccount}): the IAM user
     * guide's guard against the confused deputy, for statements whose principal is a service.
     */
    public PolicyStatement forSourceAccount(String accountId) {
        return when("StringEquals", "aws:SourceAccount", accountId);
    }

    /** A trust policy's statement: the AWS services (e.g. {@code ec2.amazonaws.com}) may assume the role. */
    public static PolicyStatement trustServices(String... services) {
        return allow("Trust").principal("Service", services).actions("sts:AssumeRole");
    }

    /** {@link #trustServices} only when the service acts for {@code accountId}, as {@link #forSourceAccount}. */
    public static PolicyStatement trustServicesFor(String accountId, String... services) {
        return trustServices(services).forSourceAccount(accountId);
    }

    /**
     * A trust policy's statement: principals of the account {@code accountId} may assume the role,
     * as far as their own IAM policies allow (the account's root ARN names the account, not its root user).
     */
    public static PolicyStatement trustAccount(String accountId) {
        return allow("TrustAccount").principal("AWS", "arn:aws:iam::" + accountId + ":root").actions("sts:AssumeRole");
    }

    /**
     * A bucket policy's statement: every S3 action on {@code resources} (the bucket and its
     * objects) is denied to anyone over plain HTTP, the {@code aws:SecureTransport} condition the
     * S3 user guide recommends for enforcing TLS.
     */
    public static PolicyStatement denyWithoutTls(String... resources) {
        return deny("DenyInsecureTransport")
                .principal("AWS", "*")
                .actions("s3:*")
                .on(resources)
                .when("Bool", "aws:SecureTransport", "false");
    }

    private static List<String> concat(List<String> first, String[] more) {
        List<String> all = new ArrayList<>(first);
        all.addAll(List.of(more));
        return all;
    }
}
