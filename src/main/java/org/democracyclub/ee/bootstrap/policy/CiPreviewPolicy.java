package org.democracyclub.ee.bootstrap.policy;

import static org.democracyclub.ee.bootstrap.policy.ManagedNames.CI_PREVIEW_ROLE;
import static org.democracyclub.ee.bootstrap.policy.ManagedNames.PREFIX;

import java.util.ArrayList;
import java.util.List;
import org.democracyclub.ee.infra.iam.PolicyDocument;
import org.democracyclub.ee.infra.iam.PolicyStatement;

/**
 * The permissions of the preview role, which any branch may assume: what {@code pulumi preview}
 * reads (the state, the stack's secrets, the resources the program and its lookups describe) and
 * nothing that changes anything. No object of the program's buckets, no parameter beyond the
 * program's own and the site's, so a branch cannot read the application's secrets either.
 */
public final class CiPreviewPolicy {
    private CiPreviewPolicy() {
    }

    /** The one managed policy's name. */
    public static String policyName() {
        return CI_PREVIEW_ROLE + "-read";
    }

    public static PolicyDocument document(PolicyScope scope) {
        List<PolicyStatement> statements = new ArrayList<>(StateBackendAccess.readStatements(scope));
        statements.add(PolicyStatement.allow("DescribeTheProgramsServices")
                .actions("ec2:Describe*", "ec2:GetLaunchTemplateData", "ec2:GetManagedPrefixListEntries",
                        "ec2:GetSecurityGroupsForVpc", "elasticloadbalancing:Describe*", "autoscaling:Describe*",
                        "codedeploy:Get*", "codedeploy:List*", "codedeploy:BatchGet*", "imagebuilder:Get*",
                        "imagebuilder:List*", "cloudfront:Get*", "cloudfront:List*", "acm:DescribeCertificate",
                        "acm:ListCertificates", "acm:ListTagsForCertificate", "route53:GetHostedZone",
                        "route53:GetChange", "route53:ListHostedZones", "route53:ListHostedZonesByName",
                        "route53:ListResourceRecordSets", "route53:ListTagsForResource", "kms:DescribeKey",
                        "kms:GetKeyPolicy", "kms:GetKeyRotationStatus", "kms:ListAliases", "kms:ListResourceTags",
                        "scheduler:Get*", "scheduler:List*", "events:DescribeRule", "events:ListRules",
                        "events:ListTargetsByRule", "events:ListTagsForResource", "sns:GetTopicAttributes",
                        "sns:GetSubscriptionAttributes", "sns:ListSubscriptionsByTopic", "sns:ListTopics",
                        "sns:ListTagsForResource", "cloudwatch:DescribeAlarms", "cloudwatch:ListTagsForResource",
                        "logs:DescribeLogGroups", "logs:ListTagsForResource", "logs:ListTagsLogGroup",
                        "ssm:DescribeParameters", "ssm:DescribeDocument", "ssm:DescribeDocumentPermission",
                        "ssm:GetDocument", "ssm:ListDocuments", "ssm:ListDocumentVersions")
                .on("*"));
        statements.add(PolicyStatement.allow("ReadTheProgramsIam")
                .actions("iam:GetRole", "iam:GetRolePolicy", "iam:ListRolePolicies", "iam:ListAttachedRolePolicies",
                        "iam:ListRoleTags", "iam:ListInstanceProfilesForRole", "iam:GetInstanceProfile",
                        "iam:ListInstanceProfileTags", "iam:GetPolicy", "iam:GetPolicyVersion",
                        "iam:ListPolicyVersions", "iam:ListPolicyTags", "iam:GetOpenIDConnectProvider")
                .on(scope.global("iam", "role/*"), scope.global("iam", "instance-profile/*"),
                        scope.global("iam", "policy/*"), "arn:aws:iam::aws:policy/*",
                        scope.global("iam", "oidc-provider/*")));
        statements.add(PolicyStatement.allow("ReadTheProgramsBucketSettings")
                .actions("s3:ListBucket", "s3:GetBucketLocation", "s3:GetBucketVersioning", "s3:GetBucketTagging",
                        "s3:GetEncryptionConfiguration", "s3:GetBucketPublicAccessBlock",
                        "s3:GetBucketOwnershipControls", "s3:GetBucketPolicy", "s3:GetLifecycleConfiguration",
                        "s3:GetBucketAcl", "s3:GetBucketCORS", "s3:GetBucketWebsite", "s3:GetBucketLogging",
                        "s3:GetReplicationConfiguration", "s3:GetBucketObjectLockConfiguration",
                        "s3:GetBucketRequestPayment", "s3:GetAccelerateConfiguration")
                .on("arn:aws:s3:::" + PREFIX + "*"));
        statements.add(PolicyStatement.allow("ReadTheProgramsParameters")
                .actions("ssm:GetParameter", "ssm:GetParameters", "ssm:ListTagsForResource")
                .on(ImageAccess.readableParameters(scope)));
        return new PolicyDocument(statements);
    }
}
