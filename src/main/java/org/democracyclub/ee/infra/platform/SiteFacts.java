package org.democracyclub.ee.infra.platform;

import java.util.List;
import java.util.Optional;

/**
 * What the program looks up in the account before it declares anything: the network, the
 * values set by hand in SSM Parameter Store, the DNS zone, and the live fleet.
 *
 * @param accountId          the account the stack runs in
 * @param vpcId              the VPC of the platform (the default VPC unless configured)
 * @param subnetIds          one subnet per availability zone of that VPC
 * @param fqdn               the site's domain name (SSM {@code FQDN})
 * @param certificateOverride an ACM certificate for the domain in us-east-1 that the account already has
 *                           (SSM {@code SSL_CERTIFICATE_ARN}, optional); without it the program requests one
 * @param hostedZoneId       the public hosted zone of {@code fqdn}
 * @param cloudFrontPrefixListId the AWS-managed prefix list of CloudFront's origin-facing addresses
 * @param organisationArn    the organisation the golden image is shared with (SSM {@code OrganisationID}),
 *                           read only where the stack builds images, else empty
 * @param fleet              which Auto Scaling group serves the site now
 */
public record SiteFacts(
        String accountId,
        String vpcId,
        List<String> subnetIds,
        String fqdn,
        Optional<String> certificateOverride,
        String hostedZoneId,
        String cloudFrontPrefixListId,
        String organisationArn,
        LiveFleet fleet) {
}
