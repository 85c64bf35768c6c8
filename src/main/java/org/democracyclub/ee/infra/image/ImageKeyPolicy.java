package org.democracyclub.ee.infra.image;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.democracyclub.ee.infra.names.OrganisationArn;

/**
 * The key policy of the customer-managed key the golden image's snapshots are encrypted with.
 * An AMI encrypted with the AWS-managed {@code aws/ebs} key cannot be shared or copied to another
 * account; one encrypted with a customer-managed key can, when the key policy lets the other
 * accounts use the key (EC2 Image Builder user guide, "Set up cross-account AMI distribution":
 * "Update the key policy ... to allow destination accounts to use your key").
 *
 * <p>Statements, as data:
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
final class ImageKeyPolicy {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> USE = List.of(
            "kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey");
    static final String AUTO_SCALING_ROLE = "role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling";

    private ImageKeyPolicy() {
    }

    /** The organisation ID ({@code o-...}), the last part of the organisation's ARN. */
    static String organisationId(OrganisationArn organisation) {
        String arn = organisation.value();
        return arn.substring(arn.lastIndexOf('/') + 1);
    }

    /** In one order: a {@code Map.of} of two keys iterates in a different order from run to run. */
    static String document(String accountId, OrganisationArn organisation) {
        String root = "arn:aws:iam::" + accountId + ":root";
        String autoScaling = "arn:aws:iam::" + accountId + ":" + AUTO_SCALING_ROLE;
        Map<String, Object> inOrganisation = Map.of("StringEquals", Map.of("aws:PrincipalOrgID", organisationId(organisation)));
        List<Map<String, Object>> statements = new ArrayList<>();
        statements.add(statement("AdministerFromThisAccount", Map.of("AWS", root), List.of("kms:*"), null));
        statements.add(statement("AutoScalingUsesTheKey", Map.of("AWS", autoScaling), USE, null));
        statements.add(statement("AutoScalingGrantsForAwsResources", Map.of("AWS", autoScaling), List.of("kms:CreateGrant"),
                Map.of("Bool", Map.of("kms:GrantIsForAWSResource", "true"))));
        statements.add(statement("OrganisationUsesTheKey", Map.of("AWS", "*"), USE, inOrganisation));
        statements.add(statement("OrganisationGrantsForAwsResources", Map.of("AWS", "*"), List.of("kms:CreateGrant"),
                grantCondition(organisation)));
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("Version", "2012-10-17");
        document.put("Statement", statements);
        try {
            return JSON.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a policy built from strings and maps is always serialisable", e);
        }
    }

    /** Two condition operators in a fixed order: {@code Map.of} iterates in no stable order, the preview must. */
    private static Map<String, Object> grantCondition(OrganisationArn organisation) {
        Map<String, Object> condition = new LinkedHashMap<>();
        condition.put("StringEquals", Map.of("aws:PrincipalOrgID", organisationId(organisation)));
        condition.put("Bool", Map.of("kms:GrantIsForAWSResource", "true"));
        return condition;
    }

    private static Map<String, Object> statement(String sid, Map<String, Object> principal, List<String> actions,
                                                 Map<String, Object> condition) {
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("Sid", sid);
        statement.put("Effect", "Allow");
        statement.put("Principal", principal);
        statement.put("Action", actions);
        statement.put("Resource", "*");
        if (condition != null) {
            statement.put("Condition", condition);
        }
        return statement;
    }
}
