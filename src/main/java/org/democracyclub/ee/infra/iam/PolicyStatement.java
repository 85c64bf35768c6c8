package org.democracyclub.ee.infra.iam;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One statement of an IAM policy, as data. Built fluently ({@code allow("Sid").actions(..).on(..)})
 * and immutable: each step returns a new statement, so a partly built statement can be shared.
 *
 * @param sid        the statement ID, unique within its document (IAM shows it in access-denied
 *                   diagnostics, so it says what the statement is for)
 * @param effect     {@code Allow} or {@code Deny}
 * @param principal  for resource and trust policies: principal type to IDs; empty in identity
 *                   policies
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
        }
    }

    public PolicyStatement {
        Objects.requireNonNull(sid, "sid");
        Objects.requireNonNull(effect, "effect");
        if (!sid.matches("[A-Za-z0-9]+")) {
            // IAM rejects any other character in a Sid when the policy is created, far from here.
            throw new IllegalArgumentException("Sid must be alphanumeric: " + sid);
        }
        principal = Map.copyOf(principal);
        actions = List.copyOf(actions);
        resources = List.copyOf(resources);
        conditions = List.copyOf(conditions);
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

    public PolicyStatement principal(String type, String... ids) {
        return new PolicyStatement(sid, effect, Map.of(type, List.of(ids)), actions, resources, conditions);
    }

    private static List<String> concat(List<String> first, String[] more) {
        List<String> all = new ArrayList<>(first);
        all.addAll(List.of(more));
        return all;
    }
}
