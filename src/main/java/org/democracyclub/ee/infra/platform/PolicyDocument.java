package org.democracyclub.ee.infra.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An IAM policy document built from data and rendered with Jackson, never from string
 * templates, so quoting and structure are always valid JSON.
 */
public final class PolicyDocument {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<Map<String, Object>> statements = new ArrayList<>();

    public static PolicyDocument create() {
        return new PolicyDocument();
    }

    /** Allows {@code actions} on {@code resources}. */
    public PolicyDocument allow(List<String> actions, List<String> resources) {
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("Effect", "Allow");
        statement.put("Action", actions);
        statement.put("Resource", resources);
        statements.add(statement);
        return this;
    }

    /** Lets the AWS service {@code service} (e.g. {@code ec2.amazonaws.com}) assume the role. */
    public PolicyDocument trustService(String service) {
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("Effect", "Allow");
        statement.put("Principal", Map.of("Service", service));
        statement.put("Action", "sts:AssumeRole");
        statements.add(statement);
        return this;
    }

    /**
     * Lets the AWS service assume the role only when it acts for {@code accountId}
     * ({@code aws:SourceAccount}), the IAM user guide's guard against the confused deputy.
     */
    public PolicyDocument trustServiceFromAccount(String service, String accountId) {
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("Effect", "Allow");
        statement.put("Principal", Map.of("Service", service));
        statement.put("Action", "sts:AssumeRole");
        statement.put("Condition", Map.of("StringEquals", Map.of("aws:SourceAccount", accountId)));
        statements.add(statement);
        return this;
    }

    /** Lets principals of the account {@code accountId} assume the role (as their own IAM policies allow). */
    public PolicyDocument trustAccount(String accountId) {
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("Effect", "Allow");
        statement.put("Principal", Map.of("AWS", "arn:aws:iam::" + accountId + ":root"));
        statement.put("Action", "sts:AssumeRole");
        statements.add(statement);
        return this;
    }

    /**
     * Denies every S3 action on {@code resources} to anyone over plain HTTP: the
     * {@code aws:SecureTransport} condition the S3 user guide recommends for enforcing TLS.
     */
    public PolicyDocument denyWithoutTls(List<String> resources) {
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("Sid", "DenyInsecureTransport");
        statement.put("Effect", "Deny");
        statement.put("Principal", Map.of("AWS", "*"));
        statement.put("Action", "s3:*");
        statement.put("Resource", resources);
        statement.put("Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")));
        statements.add(statement);
        return this;
    }

    public String toJson() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("Version", "2012-10-17");
        document.put("Statement", statements);
        try {
            return JSON.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a policy built from strings and lists is always serialisable", e);
        }
    }
}
