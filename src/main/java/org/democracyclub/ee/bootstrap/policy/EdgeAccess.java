package org.democracyclub.ee.bootstrap.policy;

import java.util.List;
import org.democracyclub.ee.infra.iam.PolicyStatement;

/**
 * CloudFront, its certificate, and the site's DNS records. CloudFront IDs are generated, so the
 * distribution and cache policies are scoped to this (single-purpose) account; DNS changes are
 * limited to the alias record types the program writes.
 */
final class EdgeAccess {
    /** CloudFront only accepts certificates from this region, whatever the stack's region. */
    static final String CERTIFICATE_REGION = "us-east-1";

    private EdgeAccess() {
    }

    static List<PolicyStatement> statements(PolicyScope scope) {
        return List.of(
                PolicyStatement.allow("CloudFrontRead")
                        .actions("cloudfront:ListDistributions", "cloudfront:ListCachePolicies",
                                "cloudfront:ListOriginRequestPolicies", "cloudfront:GetOriginRequestPolicy",
                                "cloudfront:ListResponseHeadersPolicies", "cloudfront:GetResponseHeadersPolicy")
                        .on("*"),
                // Creation is authorised on "*" only (Service Authorization Reference): the IDs do
                // not exist yet. Everything after creation is scoped to the account's resources.
                PolicyStatement.allow("CloudFrontCreate")
                        .actions("cloudfront:CreateDistribution", "cloudfront:CreateCachePolicy",
                                "cloudfront:CreateOriginRequestPolicy")
                        .on("*"),
                PolicyStatement.allow("CloudFrontDistribution")
                        .actions("cloudfront:UpdateDistribution", "cloudfront:DeleteDistribution",
                                "cloudfront:GetDistribution", "cloudfront:GetDistributionConfig",
                                "cloudfront:CreateInvalidation", "cloudfront:GetInvalidation",
                                "cloudfront:TagResource", "cloudfront:UntagResource",
                                "cloudfront:ListTagsForResource")
                        .on(scope.global("cloudfront", "distribution/*")),
                PolicyStatement.allow("CloudFrontPolicies")
                        .actions("cloudfront:UpdateCachePolicy", "cloudfront:DeleteCachePolicy",
                                "cloudfront:GetCachePolicy", "cloudfront:GetCachePolicyConfig",
                                "cloudfront:UpdateOriginRequestPolicy", "cloudfront:DeleteOriginRequestPolicy",
                                "cloudfront:GetOriginRequestPolicyConfig")
                        .on(scope.global("cloudfront", "cache-policy/*"),
                                scope.global("cloudfront", "origin-request-policy/*")),
                // The origin's certificate in the stack's region, the viewer's in us-east-1.
                PolicyStatement.allow("CertificateRequest")
                        .actions("acm:RequestCertificate")
                        .on("*"),
                PolicyStatement.allow("CertificateManage")
                        .actions("acm:DescribeCertificate", "acm:DeleteCertificate", "acm:AddTagsToCertificate",
                                "acm:RemoveTagsFromCertificate", "acm:ListTagsForCertificate")
                        .on(certificates(scope, scope.region()), certificates(scope, CERTIFICATE_REGION)),
                PolicyStatement.allow("CertificateList")
                        .actions("acm:ListCertificates")
                        .on("*"),
                PolicyStatement.allow("DnsListZones")
                        .actions("route53:ListHostedZones", "route53:ListHostedZonesByName")
                        .on("*"),
                PolicyStatement.allow("DnsReadZones")
                        .actions("route53:GetHostedZone", "route53:ListResourceRecordSets",
                                "route53:ListTagsForResource")
                        .on("arn:aws:route53:::hostedzone/*"),
                PolicyStatement.allow("DnsChangeStatus")
                        .actions("route53:GetChange")
                        .on("arn:aws:route53:::change/*"),
                // Only the A and AAAA alias records for the site and its origin: never NS or MX, so
                // CI cannot redirect or take over the domain.
                PolicyStatement.allow("DnsSiteAliasRecords")
                        .actions("route53:ChangeResourceRecordSets")
                        .on("arn:aws:route53:::hostedzone/*")
                        .when("ForAllValues:StringEquals", "route53:ChangeResourceRecordSetsRecordTypes",
                                "A", "AAAA"),
                // ACM's DNS validation records: CNAMEs whose names start with an underscore
                // (ACM names them _<hash>.<domain>), which serve no traffic.
                PolicyStatement.allow("DnsCertificateValidationRecords")
                        .actions("route53:ChangeResourceRecordSets")
                        .on("arn:aws:route53:::hostedzone/*")
                        .when("ForAllValues:StringEquals", "route53:ChangeResourceRecordSetsRecordTypes", "CNAME")
                        .when("ForAllValues:StringLike", "route53:ChangeResourceRecordSetsNormalizedRecordNames",
                                "_*"));
    }

    private static String certificates(PolicyScope scope, String region) {
        return "arn:aws:acm:" + region + ":" + scope.accountId() + ":certificate/*";
    }
}
