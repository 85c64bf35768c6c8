package org.democracyclub.ee.infra.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import java.util.List;
import java.util.Optional;
import org.democracyclub.ee.infra.policy.DeclaredResource;
import org.democracyclub.ee.infra.preview.OfflineRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link SiteCertificates} declared alone with its args, with and without a viewer certificate override. */
class SiteCertificatesIT {
    private static final String CERTIFICATE = "aws:acm/certificate:Certificate";
    private static final String RECORD = "aws:route53/record:Record";
    private static final String FQDN = "test.example.org";
    private static final String ZONE = "ZTEST";
    private static OfflineRun run;

    private static OfflineRun declare(Optional<String> override) {
        return Alone.declare(options -> {
            var usEast1 = new Provider("aws-test-us-east-1", ProviderArgs.builder()
                    .region(SiteCertificates.CLOUDFRONT_REGION).build());
            new SiteCertificates("certs", new SiteCertificates.Args(FQDN, ZONE, override, usEast1), options);
        });
    }

    @BeforeAll
    static void declareWithoutOverride() {
        run = declare(Optional.empty());
    }

    @Test
    void theOriginCertificateNamesTheOriginHostAndTheSite() {
        DeclaredResource origin = run.get(CERTIFICATE, "certs-origin");
        assertThat(origin.at("domainName")).isEqualTo("origin." + FQDN);
        assertThat(origin.at("subjectAlternativeNames")).isEqualTo(List.of(FQDN));
        assertThat(origin.at("validationMethod")).isEqualTo("DNS");
    }

    @Test
    void theViewerCertificateIsRequestedInUsEast1ForTheSiteOnly() {
        DeclaredResource viewer = run.get(CERTIFICATE, "certs-viewer");
        assertThat(viewer.at("domainName")).isEqualTo(FQDN);
        assertThat(viewer.provider()).contains("aws-test-us-east-1");
        assertThat(run.get(CERTIFICATE, "certs-origin").provider()).contains("aws-test").doesNotContain("us-east-1");
    }

    @Test
    void oneValidationRecordPerNameGoesIntoTheGivenZone() {
        assertThat(run.ofType(RECORD)).extracting(DeclaredResource::name)
                .containsExactlyInAnyOrder("certs-validation-origin", "certs-validation-site");
        assertThat(run.ofType(RECORD)).allSatisfy(r -> assertThat(r.at("zoneId")).isEqualTo(ZONE));
    }

    @Test
    void anOverrideReplacesTheViewerCertificate() {
        OfflineRun withOverride = declare(Optional.of("arn:aws:acm:us-east-1:123456789012:certificate/existing"));
        assertThat(withOverride.ofType(CERTIFICATE)).extracting(DeclaredResource::name).containsExactly("certs-origin");
    }

    @Test
    void everyChildIsParentedToTheComponent() {
        assertThat(run.resources()).filteredOn(r -> !r.isComponent() && !r.type().startsWith("pulumi:providers:"))
                .isNotEmpty().allSatisfy(r -> assertThat(r.parentType()).isEqualTo(SiteCertificates.TYPE));
    }
}
