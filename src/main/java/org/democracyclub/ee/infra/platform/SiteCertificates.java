package org.democracyclub.ee.infra.platform;

import com.pulumi.aws.Provider;
import com.pulumi.aws.acm.Certificate;
import com.pulumi.aws.acm.CertificateArgs;
import com.pulumi.aws.acm.CertificateValidation;
import com.pulumi.aws.acm.CertificateValidationArgs;
import com.pulumi.aws.acm.outputs.CertificateDomainValidationOption;
import com.pulumi.aws.route53.Record;
import com.pulumi.aws.route53.RecordArgs;
import com.pulumi.aws.route53.enums.RecordType;
import com.pulumi.core.Either;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The site's two ACM certificates, each requested by the program and validated through DNS
 * records it declares in the site's hosted zone:
 * <ul>
 * <li>the origin certificate, in the stack's region, for the load balancer's HTTPS listener. It
 * names the origin host ({@code origin.<FQDN>}, what CloudFront connects to) and the site's
 * name too: on {@code /id_creator/*} CloudFront forwards the viewer's {@code Host}, and
 * CloudFront's origin check accepts a certificate that matches the origin domain or the
 * forwarded {@code Host} (CloudFront developer guide, "Requiring HTTPS for communication
 * between CloudFront and your custom origin").</li>
 * <li>the viewer certificate, in us-east-1 (the only region CloudFront takes certificates
 * from), unless the account already has one in SSM {@code SSL_CERTIFICATE_ARN}.</li>
 * </ul>
 * One validation record per name: the site's name is in both certificates and ACM asks for the
 * same record for it in both regions. The certificates are created before the old ones are
 * deleted (the provider's default), and ACM has no names to clash.
 */
public final class SiteCertificates extends ComponentResource {
    /** CloudFront only accepts ACM certificates from this region. */
    public static final String CLOUDFRONT_REGION = "us-east-1";
    /** Seconds a validation record is cached: ACM re-reads it for each renewal. */
    static final int VALIDATION_RECORD_TTL = 300;

    public static final String TYPE = "ee:platform:SiteCertificates";

    private final Output<String> originCertificateArn;
    private final Output<String> viewerCertificateArn;

    /**
     * Inputs of {@link SiteCertificates}; the stack region's AWS provider comes in the
     * component's options.
     *
     * @param fqdn                the site's domain name (SSM {@code FQDN}); the origin host is
     *                            {@code origin.<fqdn>} ({@link #originHost})
     * @param hostedZoneId        the public hosted zone of {@code fqdn}, where the validation records go
     * @param certificateOverride a us-east-1 certificate the account already has (SSM
     *                            {@code SSL_CERTIFICATE_ARN}); empty (the default): the component
     *                            requests the viewer certificate itself
     * @param usEast1             the provider in us-east-1 with the stack's tags, for the viewer certificate
     */
    public record Args(String fqdn, String hostedZoneId, Optional<String> certificateOverride, Provider usEast1) {
        public Args {
            Objects.requireNonNull(fqdn, "fqdn");
            Objects.requireNonNull(hostedZoneId, "hostedZoneId");
            Objects.requireNonNull(certificateOverride, "certificateOverride");
            Objects.requireNonNull(usEast1, "usEast1");
        }
    }

    public SiteCertificates(String name, Args args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        String site = args.fqdn();
        String origin = originHost(site);
        Provider usEast1 = args.usEast1();

        var regional = certificate(name + "-origin", List.of(origin, site),
                CustomResourceOptions.builder().parent(this).build());
        var originRecord = validationRecord(name + "-validation-origin", args.hostedZoneId(), option(regional, origin));
        var siteRecord = validationRecord(name + "-validation-site", args.hostedZoneId(), option(regional, site));
        originCertificateArn = new CertificateValidation(name + "-origin", CertificateValidationArgs.builder()
                .certificateArn(regional.arn())
                .validationRecordFqdns(Output.all(originRecord.fqdn(), siteRecord.fqdn()))
                .build(), CustomResourceOptions.builder().parent(this).build()).certificateArn();

        viewerCertificateArn = args.certificateOverride().map(Output::of).orElseGet(() -> {
            var viewerOptions = CustomResourceOptions.builder().parent(this).provider(usEast1).build();
            var viewer = certificate(name + "-viewer", List.of(site), viewerOptions);
            // ACM asks for the same record for the same name in one account, whatever the region
            // (hashicorp/terraform-provider-aws#13653), so the site name's record validates both
            // certificates; declared once, it cannot be deleted with one while the other needs it.
            Output<List<String>> fqdns = Output.tuple(option(viewer, site), option(regional, site), siteRecord.fqdn())
                    .applyValue(t -> {
                        if (!sameRecord(t.t1, t.t2)) {
                            throw new IllegalStateException("ACM asked for a different validation record for " + site
                                    + " in " + CLOUDFRONT_REGION + " (" + t.t1.resourceRecordName().orElse("?")
                                    + ") than in the stack's region (" + t.t2.resourceRecordName().orElse("?")
                                    + "); the program validates both through one record");
                        }
                        return List.of(t.t3);
                    });
            return new CertificateValidation(name + "-viewer", CertificateValidationArgs.builder()
                    .certificateArn(viewer.arn())
                    .validationRecordFqdns(fqdns)
                    .build(), viewerOptions).certificateArn();
        });
        registerOutputs(Map.of("originCertificateArn", originCertificateArn,
                "viewerCertificateArn", viewerCertificateArn));
    }

    /** The name CloudFront reaches the load balancer by: under the site's zone, so ACM can validate it. */
    public static String originHost(String fqdn) {
        return "origin." + fqdn;
    }

    /** A DNS-validated certificate for {@code domains}, the first being its subject. */
    private static Certificate certificate(String name, List<String> domains, CustomResourceOptions options) {
        return new Certificate(name, CertificateArgs.builder()
                .domainName(domains.get(0))
                .subjectAlternativeNames(domains.subList(1, domains.size()))
                .validationMethod("DNS")
                .keyAlgorithm("RSA_2048")
                .build(), options);
    }

    /** What ACM asks to find in DNS for one name of a certificate. */
    private static Output<CertificateDomainValidationOption> option(Certificate certificate, String domain) {
        return certificate.domainValidationOptions().applyValue(all -> all.stream()
                .filter(o -> o.domainName().orElse("").equals(domain))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("ACM gave no validation record for " + domain)));
    }

    private static boolean sameRecord(CertificateDomainValidationOption a, CertificateDomainValidationOption b) {
        return a.resourceRecordName().equals(b.resourceRecordName())
                && a.resourceRecordValue().equals(b.resourceRecordValue());
    }

    /**
     * The CNAME ACM validates (and re-reads at each renewal) one name with. It may overwrite a
     * record of the same name: one left by an earlier request for the same name (the old
     * system's certificate) holds the same value.
     */
    private Record validationRecord(String name, String hostedZoneId, Output<CertificateDomainValidationOption> option) {
        return new Record(name, RecordArgs.builder()
                .zoneId(hostedZoneId)
                .name(option.applyValue(o -> o.resourceRecordName().orElseThrow()))
                .type(option.applyValue(o -> Either.<String, RecordType>ofLeft(o.resourceRecordType().orElseThrow())))
                .records(option.applyValue(o -> List.of(o.resourceRecordValue().orElseThrow())))
                .ttl(VALIDATION_RECORD_TTL)
                .allowOverwrite(true)
                .build(), CustomResourceOptions.builder().parent(this).build());
    }

    /** The regional certificate of the load balancer's HTTPS listener, once issued. */
    public Output<String> originCertificateArn() {
        return originCertificateArn;
    }

    /** The us-east-1 certificate CloudFront serves viewers with, once issued (or the SSM override). */
    public Output<String> viewerCertificateArn() {
        return viewerCertificateArn;
    }
}
