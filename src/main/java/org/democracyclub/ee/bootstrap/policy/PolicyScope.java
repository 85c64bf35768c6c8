package org.democracyclub.ee.bootstrap.policy;

/**
 * Where the CI policy applies: one environment's account and region, and the state backend the
 * bootstrap created there. Every ARN in the policy is built from these, never typed out.
 *
 * @param accountId       the environment's 12-digit AWS account ID
 * @param region          the stack's region ({@code eu-west-2})
 * @param stateBucketName the Pulumi state bucket
 * @param secretsKeyArn   the ARN of the KMS key that encrypts Pulumi secrets
 */
public record PolicyScope(String accountId, String region, String stateBucketName, String secretsKeyArn) {
    public PolicyScope {
        if (accountId == null || !accountId.matches("\\d{12}")) {
            throw new IllegalArgumentException("account ID must be 12 digits, got " + accountId);
        }
        if (region == null || !region.matches("[a-z]{2}(-[a-z]+)+-\\d")) {
            throw new IllegalArgumentException("not an AWS region: " + region);
        }
        if (secretsKeyArn == null || !secretsKeyArn.startsWith("arn:aws:kms:")) {
            throw new IllegalArgumentException("not a KMS key ARN: " + secretsKeyArn);
        }
    }

    /** ARN of a regional resource in this account: {@code arn:aws:<service>:<region>:<account>:<resource>}. */
    public String regional(String service, String resource) {
        return "arn:aws:" + service + ":" + region + ":" + accountId + ":" + resource;
    }

    /** The permissions boundary every role CI creates must carry. */
    public String boundaryArn() {
        return org.democracyclub.ee.infra.names.Names.permissionsBoundaryArn(accountId);
    }

    /** ARN of a global resource in this account (IAM, CloudFront): no region field. */
    public String global(String service, String resource) {
        return "arn:aws:" + service + "::" + accountId + ":" + resource;
    }
}
