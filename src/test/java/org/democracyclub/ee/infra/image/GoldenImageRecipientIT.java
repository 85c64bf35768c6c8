package org.democracyclub.ee.infra.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.resources.ComponentResourceOptions;
import java.util.ArrayList;
import java.util.List;
import org.democracyclub.ee.infra.names.Names;
import org.democracyclub.ee.infra.policy.DeclaredResource;
import org.democracyclub.ee.infra.preview.Fixture;
import org.democracyclub.ee.infra.preview.OfflineRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link GoldenImageRecipient} declared alone with its args, under the mock engine with a minimal provider. */
class GoldenImageRecipientIT {
    private static final String REGION = "eu-west-2";
    private static final String ACCOUNT = "111111111111";
    private static final String SOURCE = "999999999999";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static OfflineRun run;

    @BeforeAll
    static void declare() {
        run = OfflineRun.of("ee-component-test", "test", REGION, Fixture.builtIn(), (ctx, suppressions) -> {
            var provider = new Provider("aws-test", ProviderArgs.builder().region(REGION).build());
            new GoldenImageRecipient("copies", new GoldenImageRecipient.Args(REGION, ACCOUNT, SOURCE,
                    Names.AMI_PARAMETER), ComponentResourceOptions.builder().providers(provider).build());
        });
        assertThat(run.errors()).isEmpty();
    }

    private static DeclaredResource role() {
        return run.get("aws:iam/role:Role", ExecutionRolePolicy.CROSS_ACCOUNT_ROLE);
    }

    @Test
    void theRoleTrustsOnlyTheSourceAccount() throws Exception {
        JsonNode trust = JSON.readTree((String) role().at("assumeRolePolicy"));
        assertThat(trust.at("/Statement/0/Principal/AWS").toString())
                .isEqualTo("[\"arn:aws:iam::" + SOURCE + ":root\"]");
        assertThat(trust.path("Statement")).hasSize(1);
    }

    @Test
    void theRoleCarriesTheCiBoundaryOfThisAccount() {
        assertThat(role().at("permissionsBoundary")).isEqualTo(Names.permissionsBoundaryArn(ACCOUNT));
    }

    @Test
    void theRoleHasImageBuildersCrossAccountDistributionPolicy() {
        assertThat(run.get("aws:iam/rolePolicyAttachment:RolePolicyAttachment", "copies-distribution").at("policyArn"))
                .isEqualTo(GoldenImageRecipient.MANAGED_POLICY_ARN);
    }

    @Test
    void theKeysAreThoseOfTheSourceAccountAndThisOneOnly() throws Exception {
        JsonNode policy = JSON.readTree((String) run.get("aws:iam/rolePolicy:RolePolicy", "copies-keys-and-parameter")
                .at("policy"));
        List<String> keys = new ArrayList<>();
        policy.path("Statement").forEach(s -> s.path("Resource").forEach(r -> {
            if (r.asText().startsWith("arn:aws:kms:")) {
                keys.add(r.asText());
            }
        }));
        assertThat(keys).containsExactlyInAnyOrder("arn:aws:kms:" + REGION + ":" + SOURCE + ":key/*",
                "arn:aws:kms:" + REGION + ":" + ACCOUNT + ":key/*");
    }

    @Test
    void theRoleMayWriteTheGivenParameterOfThisAccount() {
        assertThat((String) run.get("aws:iam/rolePolicy:RolePolicy", "copies-keys-and-parameter").at("policy"))
                .contains("arn:aws:ssm:" + REGION + ":" + ACCOUNT + ":parameter" + Names.AMI_PARAMETER)
                .contains("ssm:PutParameter");
    }

    @Test
    void everyChildIsParentedToTheComponent() {
        assertThat(run.resources()).filteredOn(r -> !r.isComponent() && !r.type().startsWith("pulumi:providers:"))
                .hasSize(3).allSatisfy(r -> assertThat(r.parentType()).isEqualTo(GoldenImageRecipient.TYPE));
    }
}
