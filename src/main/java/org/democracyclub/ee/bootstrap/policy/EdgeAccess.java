package org.democracyclub.ee.bootstrap.policy;

import java.util.List;

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
                PolicyStatement.allow("CloudFrontDistribution")
                        .actions("cloudfront:CreateDistribution", "cloudfront:CreateDistributionWithTags",
                                "cloudfront:UpdateDistribution", "cloudfront:DeleteDistribution",
                                "cloudfront:GetDistribution", "cloudfront:GetDistributionConfig",
                                "cloudfront:CreateInvalidation", "cloudfront:GetInvalidation",
                                "cloudfront:TagResource", "cloudfront:UntagResource",
                                "cloudfront:ListTagsForResource")
                        .on(scope.global("cloudfront", "distribution/*")),
                PolicyStatement.allow("CloudFrontCachePolicies")
                        .actions("cloudfront:CreateCachePolicy", "cloudfront:UpdateCachePolicy",
                                "cloudfront:DeleteCachePolicy", "cloudfront:GetCachePolicy",
                                "cloudfront:GetCachePolicyConfig")
                        .on(scope.global("cloudfront", "cache-policy/*")),
                PolicyStatement.allow("CertificateRead")
                        .actions("acm:DescribeCertificate")
                        .on("arn:aws:acm:" + CERTIFICATE_REGION + ":" + scope.accountId() + ":certificate/*"),
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
                // Only the A and AAAA alias records for the site: never NS or MX, so CI cannot
                // redirect or take over the domain.
                PolicyStatement.allow("DnsSiteAliasRecords")
                        .actions("route53:ChangeResourceRecordSets")
                        .on("arn:aws:route53:::hostedzone/*")
                        .when("ForAllValues:StringEquals", "route53:ChangeResourceRecordSetsRecordTypes",
                                "A", "AAAA"));
    }
}
