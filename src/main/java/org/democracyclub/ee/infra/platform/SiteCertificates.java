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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
 * The certificates are created before the old ones are deleted (the provider's default), and
 * ACM has no names to clash.
 */
public final class SiteCertificates extends ComponentResource {
    /** CloudFront only accepts ACM certificates from this region. */
    public static final String CLOUDFRONT_REGION = "us-east-1";
    /** Seconds a validation record is cached: ACM re-reads it for each renewal. */
    static final int VALIDATION_RECORD_TTL = 300;

    private final Output<String> originCertificateArn;
    private final Output<String> viewerCertificateArn;

    /**
     * @param usEast1 the provider in us-east-1 with the stack's tags, for the viewer certificate
     */
    public SiteCertificates(String name, SiteFacts facts, Provider usEast1, ComponentResourceOptions options) {
        super("ee:platform:SiteCertificates", name, options);
        originCertificateArn = validated(name + "-origin", facts, List.of(originHost(facts.fqdn()), facts.fqdn()),
                CustomResourceOptions.builder().parent(this).build());
        viewerCertificateArn = facts.certificateOverride()
                .map(Output::of)
                .orElseGet(() -> validated(name + "-viewer", facts, List.of(facts.fqdn()),
                        CustomResourceOptions.builder().parent(this).provider(usEast1).build()));
        registerOutputs(Map.of("originCertificateArn", originCertificateArn,
                "viewerCertificateArn", viewerCertificateArn));
    }

    /** The name CloudFront reaches the load balancer by: under the site's zone, so ACM can validate it. */
    public static String originHost(String fqdn) {
        return "origin." + fqdn;
    }

    /**
     * A DNS-validated certificate for {@code domains} (the first is its subject), one validation
     * record per name, and the validation that waits until ACM has issued it. The records are
     * allowed to overwrite: ACM asks for the same record for the same name in one account, so the
     * origin and viewer certificates may share the site name's record.
     */
    private Output<String> validated(String name, SiteFacts facts, List<String> domains, CustomResourceOptions options) {
        var certificate = new Certificate(name, CertificateArgs.builder()
                .domainName(domains.get(0))
                .subjectAlternativeNames(domains.subList(1, domains.size()))
                .validationMethod("DNS")
                .keyAlgorithm("RSA_2048")
                .build(), options);
        List<Output<String>> fqdns = new ArrayList<>();
        for (int i = 0; i < domains.size(); i++) {
            String domain = domains.get(i);
            Output<CertificateDomainValidationOption> option = certificate.domainValidationOptions()
                    .applyValue(all -> all.stream()
                            .filter(o -> o.domainName().orElse("").equals(domain))
                            .findFirst()
                            .orElseThrow(() -> new IllegalStateException("ACM gave no validation record for " + domain)));
            var record = new Record(name + "-validation-" + i, RecordArgs.builder()
                    .zoneId(facts.hostedZoneId())
                    .name(option.applyValue(o -> o.resourceRecordName().orElseThrow()))
                    .type(option.applyValue(o -> Either.<String, RecordType>ofLeft(o.resourceRecordType().orElseThrow())))
                    .records(option.applyValue(o -> List.of(o.resourceRecordValue().orElseThrow())))
                    .ttl(VALIDATION_RECORD_TTL)
                    .allowOverwrite(true)
                    .build(), CustomResourceOptions.builder().parent(this).build());
            fqdns.add(record.fqdn());
        }
        var validation = new CertificateValidation(name, CertificateValidationArgs.builder()
                .certificateArn(certificate.arn())
                .validationRecordFqdns(Output.all(fqdns))
                .build(), options);
        return validation.certificateArn();
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
