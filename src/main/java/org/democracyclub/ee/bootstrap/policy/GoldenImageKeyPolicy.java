package org.democracyclub.ee.bootstrap.policy;

import java.util.List;
import org.democracyclub.ee.infra.iam.PolicyDocument;
import org.democracyclub.ee.infra.iam.PolicyStatement;
import org.democracyclub.ee.infra.names.OrganisationArn;

/**
 * The key policy of the customer-managed key the golden image's snapshots are encrypted with.
 * An AMI encrypted with the AWS-managed {@code aws/ebs} key cannot be shared or copied to another
 * account; one encrypted with a customer-managed key can, when the key policy lets the other
 * accounts use the key (EC2 Image Builder user guide, "Set up cross-account AMI distribution":
 * "Update the key policy ... to allow destination accounts to use your key").
 *
 * <p>Statements:
 * <ol>
 *   <li>the owning account administers the key and its IAM policies may grant it (the KMS
 *       default key policy; without it the key could become unmanageable);</li>
 *   <li>this account's Auto Scaling service-linked role may use the key and create grants for
 *       AWS resources: launching the golden image needs it (Amazon EC2 Auto Scaling user guide,
 *       "Required AWS KMS key policy for use with encrypted volumes", example 1);</li>
 *   <li>every principal of the organisation ({@code aws:PrincipalOrgID}) may use the key and create
 *       grants for AWS resources, so each launch account's Image Builder distribution role can
 *       copy the image and each account's Auto Scaling service-linked role can launch a shared
 *       image (same guide, example 2: the other account then creates a grant for its
 *       service-linked role, {@code aws kms create-grant}, docs/golden-images.md).</li>
 * </ol>
 */
public final class GoldenImageKeyPolicy {
    /** What using the key takes (the Auto Scaling guide's list). */
    public static final List<String> USE = List.of(
            "kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey");
    static final String AUTO_SCALING_ROLE = "role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling";

    private GoldenImageKeyPolicy() {
    }

    /** The organisation ID ({@code o-...}), the last part of the organisation's ARN. */
    static String organisationId(OrganisationArn organisation) {
        String arn = organisation.value();
        return arn.substring(arn.lastIndexOf('/') + 1);
    }

    public static String document(String accountId, OrganisationArn organisation) {
        String root = "arn:aws:iam::" + accountId + ":root";
        String autoScaling = "arn:aws:iam::" + accountId + ":" + AUTO_SCALING_ROLE;
        String organisationId = organisationId(organisation);
        String[] use = USE.toArray(String[]::new);
        return PolicyDocument.of(
                PolicyStatement.allow("AdministerFromThisAccount").principal("AWS", root)
                        .actions("kms:*").on("*"),
                PolicyStatement.allow("AutoScalingUsesTheKey").principal("AWS", autoScaling)
                        .actions(use).on("*"),
                PolicyStatement.allow("AutoScalingGrantsForAwsResources").principal("AWS", autoScaling)
                        .actions("kms:CreateGrant").on("*")
                        .when("Bool", "kms:GrantIsForAWSResource", "true"),
                PolicyStatement.allow("OrganisationUsesTheKey").principal("AWS", "*")
                        .actions(use).on("*")
                        .when("StringEquals", "aws:PrincipalOrgID", organisationId),
                PolicyStatement.allow("OrganisationGrantsForAwsResources").principal("AWS", "*")
                        .actions("kms:CreateGrant").on("*")
                        .when("StringEquals", "aws:PrincipalOrgID", organisationId)
                        .when("Bool", "kms:GrantIsForAWSResource", "true"))
                .toJson();
    }
}
