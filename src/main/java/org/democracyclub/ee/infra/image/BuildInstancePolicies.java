package org.democracyclub.ee.infra.image;

import org.democracyclub.ee.infra.platform.Roles;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;

/** IAM documents for the Image Builder build and test instances, built from data. */
final class BuildInstancePolicies {

    /** What Image Builder needs on its instances, and Session Manager access for debugging a build. */
    static final List<String> MANAGED_POLICY_ARNS = List.of(
            "arn:aws:iam::aws:policy/EC2InstanceProfileForImageBuilder",
            "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore");

    private static final ObjectMapper JSON = new ObjectMapper();

    private BuildInstancePolicies() {
    }

    /** Lets EC2 instances assume the role. */
    static String assumeRolePolicy() {
        return json(Map.of(
                "Version", "2012-10-17",
                "Statement", List.of(Map.of(
                        "Effect", "Allow",
                        "Principal", Map.of("Service", "ec2.amazonaws.com"),
                        "Action", "sts:AssumeRole"))));
    }

    /**
     * The build runs migrations and the test phase starts Gunicorn; both need the application's
     * {@code .env}, written from its SSM parameters under {@code AppDefaults.SSM_PREFIX}: the
     * same ones, read the same way, as the web instances.
     */
    static String appParametersPolicy(String region, String accountId) {
        return Roles.appParametersPolicy(region, accountId).toJson();
    }

    private static String json(Object document) {
        try {
            return JSON.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("maps of strings always serialise", e);
        }
    }
}
