package org.democracyclub.ee.infra.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.democracyclub.ee.infra.policy.DeclaredResource;
import org.democracyclub.ee.infra.preview.Fixture;
import org.democracyclub.ee.infra.preview.OfflineRun;
import org.democracyclub.ee.infra.preview.OfflineStack;
import org.democracyclub.ee.infra.program.EveryElectionStack;
import org.democracyclub.ee.infra.program.Stacks;
import org.democracyclub.ee.infra.settings.InvalidSettingsException;
import org.junit.jupiter.api.Test;

/** The values set by hand in SSM are checked before anything is declared. */
class SiteLookupsIT {

    private static OfflineRun runWith(String parameter, String value) {
        return OfflineStack.run(Stacks.PROJECT, "staging", Fixture.builtIn().withParameter(parameter, value));
    }

    @Test
    void aCertificateOutsideUsEast1StopsTheProgram() {
        assertThatThrownBy(() -> runWith("SSL_CERTIFICATE_ARN",
                "arn:aws:acm:eu-west-2:123456789012:certificate/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d"))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("SSM parameter SSL_CERTIFICATE_ARN is 'arn:aws:acm:eu-west-2:")
                .hasMessageContaining("an ACM certificate in eu-west-2, but CloudFront only accepts certificates from us-east-1")
                .hasMessageContaining("or delete the parameter (aws ssm delete-parameter --name SSL_CERTIFICATE_ARN)");
    }

    @Test
    void somethingOtherThanAnAcmArnIsRejected() {
        assertThatThrownBy(() -> runWith("SSL_CERTIFICATE_ARN", "arn:aws:iam::123456789012:server-certificate/x"))
                .hasMessageContaining("not an ACM certificate ARN");
    }

    @Test
    void aDomainNameWithAUrlSchemeIsRejected() {
        assertThatThrownBy(() -> runWith("FQDN", "https://elections.example.org.uk"))
                .hasMessageContaining("SSM parameter FQDN is 'https://elections.example.org.uk': not a lower-case domain name");
    }

    @Test
    void nothingButTheProviderIsDeclaredWhenAHandSetValueIsWrong() {
        Fixture badCertificate = Fixture.builtIn().withParameter("SSL_CERTIFICATE_ARN", "nonsense");
        OfflineRun run = OfflineRun.of("every-election", "staging", "eu-west-2", badCertificate,
                (ctx, suppressions) -> EveryElectionStack.stack(ctx, Stacks.settings("staging"), suppressions));
        assertThat(run.errors()).anySatisfy(error -> assertThat(error).contains("not an ACM certificate ARN"));
        assertThat(run.resources()).extracting(DeclaredResource::type).containsExactly("pulumi:providers:aws");
    }

    @Test
    void aMissingParameterIsNamedWithTheCommandThatCreatesIt() {
        Fixture withoutFqdn = new Fixture("123456789012", "vpc-0a1b2c3d4e5f60718", java.util.List.of("subnet-1"),
                Map.of("OrganisationID", Fixture.builtIn().ssmParameters().get("OrganisationID")),
                "Z1", "pl-93a247fa", java.util.List.of(), null, java.util.List.of());
        OfflineRun run = null;
        try {
            run = OfflineStack.run(Stacks.PROJECT, "staging", withoutFqdn);
        } catch (RuntimeException e) {
            assertThat(e).hasMessageContaining("SSM parameter 'FQDN' does not exist");
            return;
        }
        assertThat(run.errors()).anySatisfy(error -> assertThat(error)
                .contains("SSM parameter 'FQDN' does not exist").contains("aws ssm put-parameter --name FQDN"));
    }

    @Test
    void withoutTheCertificateParameterTheProgramRunsAndRequestsItsOwn() {
        Fixture fresh = Fixture.builtIn();
        assertThat(fresh.ssmParameters()).doesNotContainKey("SSL_CERTIFICATE_ARN");
        OfflineRun run = OfflineStack.run(Stacks.PROJECT, "staging", fresh);
        assertThat(run.errors()).isEmpty();
        assertThat(run.ofType("aws:acm/certificate:Certificate")).extracting(DeclaredResource::name)
                .contains("ee-certificates-viewer");
    }
}
