package org.democracyclub.ee.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.democracyclub.ee.bootstrap.policy.CiDeployPolicy;
import org.democracyclub.ee.bootstrap.policy.PolicyScope;
import org.democracyclub.ee.infra.policy.DeclaredResource;
import org.democracyclub.ee.infra.preview.Fixture;
import org.democracyclub.ee.infra.preview.OfflineRun;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BootstrapProgramIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The account the offline runs' fixture answers for. */
    private static final String ACCOUNT_ID = Fixture.builtIn().accountId();

    private OfflineRun run;
    private BootstrapSettings settings;

    /** The bootstrap under the same mock engine and fixture as the offline preview. */
    private void run(String environment) {
        settings = BootstrapFixtures.settings(environment);
        run = OfflineRun.of(BootstrapProgram.PROJECT_NAME, environment, settings.region(), Fixture.builtIn(),
                (ctx, suppressions) -> BootstrapProgram.stack(ctx, settings, suppressions));
        assertThat(run.errors()).as("errors while declaring").isEmpty();
    }

    private DeclaredResource only(String type) {
        List<DeclaredResource> matches = run.ofType(type);
        assertThat(matches).as(type).hasSize(1);
        return matches.get(0);
    }

    private List<DeclaredResource> all(String type) {
        return run.ofType(type);
    }

    private DeclaredResource secretsKey() {
        return named("aws:kms/key:Key", "ee-state-secrets-key");
    }

    private DeclaredResource named(String type, String name) {
        List<DeclaredResource> matches = run.ofType(type).stream().filter(r -> r.name().equals(name)).toList();
        assertThat(matches).as(type + " " + name).hasSize(1);
        return matches.get(0);
    }

    private String keyArn() {
        return (String) run.computedFor(secretsKey()).get("arn");
    }

    @ParameterizedTest
    @ValueSource(strings = {"development", "staging", "production"})
    void createsTheStateBucketNamedInTheStackFileVersionedEncryptedAndPrivate(String environment) {
        run(environment);
        assertThat(only("aws:s3/bucketV2:BucketV2").inputs()).containsEntry("bucket", settings.stateBucketName());
        assertThat(only("aws:s3/bucketVersioningV2:BucketVersioningV2").inputs())
                .containsEntry("bucket", settings.stateBucketName())
                .containsEntry("versioningConfiguration", Map.of("status", "Enabled"));
        assertThat(only("aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2")
                .inputs().get("rules").toString()).contains("sseAlgorithm=AES256");
        assertThat(only("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock").inputs())
                .containsEntry("blockPublicAcls", true).containsEntry("blockPublicPolicy", true)
                .containsEntry("ignorePublicAcls", true).containsEntry("restrictPublicBuckets", true);
        assertThat(only("aws:s3/bucketOwnershipControls:BucketOwnershipControls").inputs().get("rule"))
                .isEqualTo(Map.of("objectOwnership", "BucketOwnerEnforced"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"development"})
    void theBucketPolicyRefusesPlainHttp(String environment) throws Exception {
        run(environment);
        JsonNode policy = JSON.readTree((String) only("aws:s3/bucketPolicy:BucketPolicy").inputs().get("policy"));
        JsonNode statement = policy.get("Statement").get(0);
        assertThat(statement.get("Effect").asText()).isEqualTo("Deny");
        assertThat(statement.at("/Condition/Bool/aws:SecureTransport/0").asText()).isEqualTo("false");
        assertThat(statement.get("Resource").toString())
                .contains("arn:aws:s3:::" + settings.stateBucketName() + "/*");
    }

    @ParameterizedTest
    @ValueSource(strings = {"development", "production"})
    void createsARotatingSecretsKeyUnderTheAliasTheStacksName(String environment) {
        run(environment);
        assertThat(secretsKey().inputs())
                .containsEntry("enableKeyRotation", true)
                .containsEntry("deletionWindowInDays", 30.0); // numbers reach the engine as doubles
        assertThat(named("aws:kms/alias:Alias", "ee-state-secrets-key-alias").inputs())
                .containsEntry("name", "alias/ee-pulumi-secrets")
                .containsEntry("targetKeyId", run.computedFor(secretsKey()).get("keyId"));
    }

    /** Only production builds the golden image (its main stack's buildGoldenImages). */
    @ParameterizedTest
    @ValueSource(strings = {"development", "staging"})
    void accountsThatBuildNoImageGetNoImageKey(String environment) {
        run(environment);
        assertThat(all("aws:kms/key:Key")).extracting(DeclaredResource::name).containsExactly("ee-state-secrets-key");
        assertThat(run.outputs()).doesNotContainKey("goldenImageKeyArn");
    }

    @ParameterizedTest
    @ValueSource(strings = {"production"})
    @SuppressWarnings("unchecked")
    void theImageKeyRotatesAndLetsThisAccountAdministerItAndTheOrganisationUseIt(String environment)
            throws Exception {
        run(environment);
        DeclaredResource key = named("aws:kms/key:Key", "ee-image-builder-key");
        assertThat(key.inputs()).containsEntry("enableKeyRotation", true).containsEntry("deletionWindowInDays", 30.0)
                .containsEntry("tags", Map.of("dc-product", "ee", "dc-environment", "production"));
        assertThat(named("aws:kms/alias:Alias", "ee-image-builder-key-alias").inputs())
                .containsEntry("name", "alias/ee-golden-image")
                .containsEntry("targetKeyId", run.computedFor(key).get("keyId"));
        Map<String, Object> policy = JSON.readValue((String) key.inputs().get("policy"), Map.class);
        Map<Object, Map<String, Object>> bySid = ((List<Map<String, Object>>) policy.get("Statement")).stream()
                .collect(java.util.stream.Collectors.toMap(st -> st.get("Sid"), st -> st));
        assertThat(bySid).containsOnlyKeys("AdministerFromThisAccount", "AutoScalingUsesTheKey",
                "AutoScalingGrantsForAwsResources", "OrganisationUsesTheKey", "OrganisationGrantsForAwsResources");
        assertThat(bySid.get("AdministerFromThisAccount").get("Principal"))
                .isEqualTo(Map.of("AWS", List.of("arn:aws:iam::" + ACCOUNT_ID + ":root")));
        assertThat(bySid.get("AutoScalingUsesTheKey").get("Principal")).isEqualTo(Map.of("AWS", List.of("arn:aws:iam::"
                + ACCOUNT_ID + ":role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling")));
        assertThat((List<Object>) bySid.get("OrganisationUsesTheKey").get("Action"))
                .containsExactly("kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey");
        // The fixture's OrganisationID is arn:aws:organizations::123456789012:organization/o-a1b2c3d4e5.
        assertThat(bySid.get("OrganisationUsesTheKey").get("Condition"))
                .isEqualTo(Map.of("StringEquals", Map.of("aws:PrincipalOrgID", List.of("o-a1b2c3d4e5"))));
        assertThat(bySid.get("OrganisationGrantsForAwsResources").get("Condition")).isEqualTo(Map.of(
                "StringEquals", Map.of("aws:PrincipalOrgID", List.of("o-a1b2c3d4e5")),
                "Bool", Map.of("kms:GrantIsForAWSResource", List.of("true"))));
        assertThat(run.outputs()).containsKey("goldenImageKeyArn");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "o-a1b2c3d4e5"})
    void productionsBootstrapStopsWithoutAnOrganisationArn(String value) {
        settings = BootstrapFixtures.settings("production");
        Fixture fixture = value.isEmpty() ? withoutOrganisation() : Fixture.builtIn().withParameter("OrganisationID", value);
        OfflineRun failed = null;
        RuntimeException thrown = null;
        try {
            failed = OfflineRun.of(BootstrapProgram.PROJECT_NAME, "production", settings.region(), fixture,
                    (ctx, suppressions) -> BootstrapProgram.stack(ctx, settings, suppressions));
        } catch (RuntimeException e) {
            thrown = e;
        }
        String message = thrown != null ? String.valueOf(thrown.getMessage()) : String.join("\n", failed.errors());
        assertThat(message).contains("OrganisationID").contains(value.isEmpty()
                ? "aws ssm put-parameter" : "put the organisation's ARN instead");
    }

    private static Fixture withoutOrganisation() {
        Fixture base = Fixture.builtIn();
        Map<String, String> parameters = new java.util.HashMap<>(base.ssmParameters());
        parameters.remove("OrganisationID");
        return new Fixture(base.accountId(), base.defaultVpcId(), base.subnetIds(), Map.copyOf(parameters),
                base.hostedZoneId(), base.cloudFrontPrefixListId(), base.autoScalingGroups(),
                base.deploymentGroupFleet(), base.kmsAliases());
    }

    private DeclaredResource role(String name) {
        List<DeclaredResource> roles = all("aws:iam/role:Role").stream()
                .filter(r -> name.equals(r.inputs().get("name"))).toList();
        assertThat(roles).as(name).hasSize(1);
        return roles.get(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"development", "staging"})
    void theDeployRoleTrustsOnlyTheDeployBranchOfItsEnvironment(String environment) throws Exception {
        run(environment);
        String org = settings.circleciOrgId();
        assertThat(only("aws:iam/openIdConnectProvider:OpenIdConnectProvider").inputs())
                .containsEntry("url", "https://oidc.circleci.com/org/" + org)
                .containsEntry("clientIdLists", List.of(org));
        Map<String, Object> role = role("circleci-ee-deploy").inputs();
        assertThat(role).containsEntry("maxSessionDuration", (double) CiIdentity.MAX_SESSION_SECONDS);
        JsonNode trust = JSON.readTree((String) role.get("assumeRolePolicy")).get("Statement").get(0);
        assertThat(trust.at("/Principal/Federated/0").asText())
                .isEqualTo("arn:aws:iam::" + ACCOUNT_ID + ":oidc-provider/oidc.circleci.com/org/" + org);
        assertThat(trust.at("/Condition/StringEquals").get("oidc.circleci.com/org/" + org + ":aud").get(0).asText())
                .isEqualTo(org);
        String branch = environment.equals("development") ? "development" : "main";
        assertThat(trust.at("/Condition/StringLike").get("oidc.circleci.com/org/" + org + ":sub").toString())
                .isEqualTo("[\"org/" + org + "/project/" + settings.circleciProjectId()
                        + "/user/*/vcs-origin/*/vcs-ref/refs/heads/" + branch + "\"]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"production"})
    void thePreviewRoleTrustsEveryBranchAndHoldsOnlyTheReadPolicy(String environment) throws Exception {
        run(environment);
        Map<String, Object> role = role("circleci-ee-preview").inputs();
        assertThat(role).containsEntry("maxSessionDuration", (double) CiIdentity.PREVIEW_MAX_SESSION_SECONDS);
        JsonNode trust = JSON.readTree((String) role.get("assumeRolePolicy")).get("Statement").get(0);
        assertThat(trust.at("/Condition/StringLike").get("oidc.circleci.com/org/" + settings.circleciOrgId() + ":sub")
                .get(0).asText()).isEqualTo("org/" + settings.circleciOrgId() + "/project/"
                        + settings.circleciProjectId() + "/user/*");
        assertThat(all("aws:iam/rolePolicyAttachment:RolePolicyAttachment"))
                .filteredOn(a -> "circleci-ee-preview".equals(a.inputs().get("role")))
                .extracting(a -> a.inputs().get("policyArn"))
                .containsExactly("arn:aws:iam::" + ACCOUNT_ID + ":policy/circleci-ee-preview-read");
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging"})
    void createsThePermissionsBoundaryTheProgramsRolesCarry(String environment) {
        run(environment);
        List<DeclaredResource> boundary = all("aws:iam/policy:Policy").stream()
                .filter(p -> "circleci-ee-boundary".equals(p.inputs().get("name"))).toList();
        assertThat(boundary).hasSize(1);
        assertThat(boundary.get(0).inputs().get("policy")).isEqualTo(org.democracyclub.ee.bootstrap.policy.BoundaryPolicy
                .document(new PolicyScope(ACCOUNT_ID, settings.region(), settings.stateBucketName(), keyArn())).toJson());
        assertThat(run.outputs().get("permissionsBoundaryArn"))
                .isEqualTo(org.democracyclub.ee.infra.names.Names.permissionsBoundaryArn(ACCOUNT_ID));
        // Not attached to anything by the bootstrap: the program names it on its roles.
        assertThat(all("aws:iam/rolePolicyAttachment:RolePolicyAttachment"))
                .noneMatch(a -> String.valueOf(a.inputs().get("policyArn")).endsWith(":policy/circleci-ee-boundary"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"development", "production"})
    void theStateBucketExpiresOldVersionsAfterTheConfiguredDays(String environment) {
        run(environment);
        Map<String, Object> lifecycle = only("aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2")
                .inputs();
        assertThat(lifecycle).containsEntry("bucket", settings.stateBucketName());
        @SuppressWarnings("unchecked")
        Map<String, Object> rule = ((List<Map<String, Object>>) lifecycle.get("rules")).get(0);
        assertThat(rule).containsEntry("status", "Enabled")
                .containsEntry("noncurrentVersionExpiration",
                        Map.of("noncurrentDays", (double) settings.noncurrentVersionDays()))
                .containsEntry("expiration", Map.of("expiredObjectDeleteMarker", true));
        assertThat(settings.noncurrentVersionDays()).isEqualTo(BootstrapSettings.DEFAULT_NONCURRENT_VERSION_DAYS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"development", "staging", "production"})
    void attachesEachGeneratedDeployPolicyForThisAccountToTheCiRole(String environment) {
        run(environment);
        Map<String, String> expected = CiDeployPolicy.documents(new PolicyScope(
                ACCOUNT_ID, settings.region(), settings.stateBucketName(), keyArn()));
        List<DeclaredResource> policies = all("aws:iam/policy:Policy").stream()
                .filter(p -> String.valueOf(p.inputs().get("name")).startsWith("circleci-ee-deploy-")).toList();
        assertThat(policies).extracting(p -> p.inputs().get("name"))
                .containsExactlyInAnyOrderElementsOf(expected.keySet());
        policies.forEach(p -> assertThat(p.inputs().get("policy")).isEqualTo(expected.get(p.inputs().get("name"))));
        assertThat(all("aws:iam/rolePolicyAttachment:RolePolicyAttachment"))
                .filteredOn(a -> "circleci-ee-deploy".equals(a.inputs().get("role")))
                .extracting(a -> a.inputs().get("policyArn"))
                .containsExactlyInAnyOrderElementsOf(expected.keySet().stream()
                        .map(name -> "arn:aws:iam::" + ACCOUNT_ID + ":policy/" + name).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"development", "production"})
    void tagsEveryTaggableResourceWithProductAndEnvironment(String environment) {
        run(environment);
        List<String> taggable = List.of("aws:s3/bucketV2:BucketV2", "aws:kms/key:Key",
                "aws:iam/openIdConnectProvider:OpenIdConnectProvider", "aws:iam/role:Role", "aws:iam/policy:Policy");
        List<DeclaredResource> resources = run.resources().stream().filter(d -> taggable.contains(d.type())).toList();
        // Bucket, key, provider, two roles; the deploy policies, the preview policy, the boundary;
        // where images are built, their key.
        assertThat(resources).hasSize(5 + CiDeployPolicy.policyNames().size() + 2 + (settings.goldenImageKey() ? 1 : 0));
        assertThat(resources).allSatisfy(d -> assertThat(d.inputs().get("tags"))
                .as(d.name()).isEqualTo(Map.of("dc-product", "ee", "dc-environment", environment)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"production"})
    void exportsWhatTheCircleCiContextNeeds(String environment) {
        run(environment);
        assertThat(run.outputs().get("ciRoleArn"))
                .isEqualTo("arn:aws:iam::" + ACCOUNT_ID + ":role/circleci-ee-deploy");
        assertThat(run.outputs().get("stateBucketName")).isEqualTo(settings.stateBucketName());
        assertThat(run.outputs().get("stateBackendUrl"))
                .isEqualTo("s3://" + settings.stateBucketName() + "?region=eu-west-2");
        assertThat(run.outputs().get("secretsProvider"))
                .isEqualTo("awskms://alias/ee-pulumi-secrets?region=eu-west-2");
        assertThat(run.outputs().get("ciPreviewRoleArn"))
                .isEqualTo("arn:aws:iam::" + ACCOUNT_ID + ":role/circleci-ee-preview");
    }
}
