package org.democracyclub.ee.infra.image;

import java.util.List;
import org.democracyclub.ee.infra.iam.PolicyDocument;
import org.democracyclub.ee.infra.iam.PolicyStatement;
import org.democracyclub.ee.infra.platform.Roles;

/** IAM documents for the Image Builder build and test instances, built from data. */
final class BuildInstancePolicies {

    /** What Image Builder needs on its instances, and Session Manager access for debugging a build. */
    static final List<String> MANAGED_POLICY_ARNS = List.of(
            "arn:aws:iam::aws:policy/EC2InstanceProfileForImageBuilder",
            "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore");

    private BuildInstancePolicies() {
    }

    /** Lets EC2 instances assume the role. */
    static String assumeRolePolicy() {
        return PolicyDocument.of(PolicyStatement.trustServices("ec2.amazonaws.com")).toJson();
    }

    /**
     * The build runs migrations and the test phase starts Gunicorn; both need the application's
     * {@code .env}, written from its SSM parameters under {@code AppDefaults.SSM_PREFIX}: the
     * same ones, read the same way, as the web instances.
     */
    static String appParametersPolicy(String region, String accountId) {
        return PolicyDocument.of(Roles.appParametersStatement(region, accountId)).toJson();
    }
}
