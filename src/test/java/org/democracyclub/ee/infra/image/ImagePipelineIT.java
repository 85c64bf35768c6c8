package org.democracyclub.ee.infra.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.pulumi.Context;
import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.test.Mocks.ResourceArgs;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.democracyclub.ee.infra.preview.Fixture;
import org.democracyclub.ee.infra.preview.FixtureMocks;
import org.democracyclub.ee.infra.settings.BaseImage;
import org.democracyclub.ee.infra.settings.GoldenImageSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The component under Pulumi's mock engine, declared once for the production stack's values. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImagePipelineIT {

    static final String ORG_ARN = "arn:aws:organizations::123456789012:organization/o-a1b2c3d4e5";
    static final String AMI_PARAMETER = "/ee/golden-image/ami-id";
    static final List<String> LAUNCH_ACCOUNTS = List.of("111111111111", "222222222222");
    static final GoldenImageSettings SETTINGS = new GoldenImageSettings(
            "t3a.large", BaseImage.parse("ami-0fedcba9876543210"), "main", 20, "every_election",
            "cron(30 3 ? * mon *)", LAUNCH_ACCOUNTS);
    static final String VPC = "vpc-0a1b2c3d4e5f60718";
    static final String SUBNET = "subnet-0aaaaaaaaaaaaaaa1";
    static final String REGION = "eu-west-2";
    /** The built-in fixture's account, whose ARNs the mocks compute. */
    static final String ACCOUNT = Fixture.builtIn().accountId();

    private FixtureMocks mocks;
    private final AtomicReference<GoldenImagePipeline> component = new AtomicReference<>();
    /** The component of the production run that the tests inspect (later runs replace {@code component}). */
    private GoldenImagePipeline declared;

    @BeforeAll
    void declare() {
        mocks = new FixtureMocks(Fixture.builtIn(), REGION);
        run(mocks, ORG_ARN, ComponentDocuments.load()).throwOnError();
        declared = component.get();
    }

    @AfterAll
    void cleanup() {
        PulumiTest.cleanup();
    }

    /** Runs the program once; the mock engine is global, so each run starts from a clean one. */
    private TestResult run(FixtureMocks m, String organisationArn, List<ComponentDocument> documents) {
        PulumiTest.cleanup();
        return PulumiTest.withMocks(m).runTest((Context ctx) -> {
            var provider = new Provider("aws", ProviderArgs.builder().region(REGION).build());
            component.set(new GoldenImagePipeline("ee-golden-image", new GoldenImagePipelineArgs(
                    "production", REGION, ACCOUNT, SETTINGS, documents,
                    Output.of(organisationArn), AMI_PARAMETER, VPC, SUBNET),
                    ComponentResourceOptions.builder().providers(provider).build()));
        });
    }

    @SuppressWarnings("unchecked")
    private static <T> T at(Object value, Object... path) {
        Object current = value;
        for (Object step : path) {
            current = step instanceof Integer i ? ((List<Object>) current).get(i) : ((Map<String, Object>) current).get(step);
        }
        return (T) current;
    }

    @Test
    @DisplayName("one Image Builder component per document, named from the component, with its derived version and exact text")
    void components() {
        var plan = RecipePlan.of(SETTINGS, ComponentDocuments.load());
        // The mock engine registers resources from several threads: look components up by name, never by position.
        Map<Object, Map<String, Object>> byName = inputsByName(mocks, "aws:imagebuilder/component:Component");
        assertThat(byName).containsOnlyKeys(plan.components().stream()
                .map(c -> (Object) ("ee-golden-image-" + c.document().key())).toList());
        assertThat(byName).containsKeys("ee-golden-image-ec2-instance-connect", "ee-golden-image-revision-files-1",
                "ee-golden-image-install-app");
        for (var planned : plan.components()) {
            var inputs = byName.get("ee-golden-image-" + planned.document().key());
            assertThat(inputs.get("version")).isEqualTo(planned.version());
            assertThat(inputs.get("data")).isEqualTo(planned.document().content());
            assertThat(inputs.get("platform")).isEqualTo("Linux");
        }
    }

    /** Every registered resource of this type (in no particular order: the engine registers from several threads). */
    private static List<ResourceArgs> ofType(FixtureMocks m, String type) {
        return m.registered().stream().filter(r -> r.type.equals(type)).toList();
    }

    /** The single registered resource of this type. */
    private static ResourceArgs one(FixtureMocks m, String type) {
        List<ResourceArgs> found = ofType(m, type);
        assertThat(found).as(type).hasSize(1);
        return found.get(0);
    }

    /** Each resource of a type, keyed by its {@code name} input (registration order is not stable). */
    private static Map<Object, Map<String, Object>> inputsByName(FixtureMocks m, String type) {
        return ofType(m, type).stream().collect(java.util.stream.Collectors.toMap(r -> r.inputs.get("name"), r -> r.inputs));
    }

    @Test
    @DisplayName("the recipe builds on the base image with the components in order, their parameters, and an encrypted gp3 root volume")
    void recipe() {
        var recipe = one(mocks, "aws:imagebuilder/imageRecipe:ImageRecipe").inputs;
        assertThat(recipe.get("version")).isEqualTo(declared.recipeVersion());
        assertThat(recipe.get("parentImage")).isEqualTo("ami-0fedcba9876543210");
        List<Map<String, Object>> components = at(recipe, "components");
        assertThat(components).extracting(c -> (String) c.get("componentArn")).allSatisfy(arn ->
                assertThat(arn).startsWith("arn:aws:imagebuilder:eu-west-2:123456789012:component/ee-golden-image-"));
        int last = components.size() - 1;
        assertThat((String) at(components, 0, "componentArn")).contains("/ee-golden-image-ec2-instance-connect/");
        assertThat((String) at(components, 1, "componentArn")).contains("/ee-golden-image-revision-files-1/");
        assertThat((String) at(components, last, "componentArn")).contains("/ee-golden-image-install-app/");
        assertThat((List<Object>) at(components, last, "parameters")).containsExactly(
                Map.of("name", "gitRef", "value", "main"),
                Map.of("name", "excludedAppPaths", "value", ".git appspec.yml appspec.yaml deploy"),
                Map.of("name", "djangoSettingsModule", "value", "every_election.settings.deploy"));
        Map<String, Object> root = at(recipe, "blockDeviceMappings", 0);
        assertThat(root.get("deviceName")).isEqualTo("/dev/sda1");
        assertThat((Map<String, Object>) root.get("ebs")).containsEntry("volumeSize", 20.0) // the engine carries numbers as doubles
                .containsEntry("volumeType", "gp3").containsEntry("encrypted", "true")
                // The customer-managed key by its alias ARN, known before the key exists.
                .containsEntry("kmsKeyId", "arn:aws:kms:eu-west-2:123456789012:alias/ee-golden-image");
    }

    @Test
    @DisplayName("build instances use the settings' instance type, the given subnet and an outbound-only group, are terminated on failure and require IMDSv2")
    void infrastructure() {
        var infrastructure = one(mocks, "aws:imagebuilder/infrastructureConfiguration:InfrastructureConfiguration").inputs;
        assertThat(infrastructure.get("instanceTypes")).isEqualTo(List.of("t3a.large"));
        assertThat(infrastructure.get("terminateInstanceOnFailure")).isEqualTo(true);
        assertThat(infrastructure.get("instanceProfileName")).isEqualTo("ee-golden-image-instance-1a2b3c4");
        assertThat((String) at(infrastructure, "instanceMetadataOptions", "httpTokens")).isEqualTo("required");
        assertThat(infrastructure.get("subnetId")).isEqualTo(SUBNET);
        assertThat(infrastructure.get("securityGroupIds")).isEqualTo(List.of("ee-golden-image-sg-id"));
        var group = one(mocks, "aws:ec2/securityGroup:SecurityGroup").inputs;
        assertThat(group.get("vpcId")).isEqualTo(VPC);
        var egress = one(mocks, "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule").inputs;
        assertThat(egress).containsEntry("securityGroupId", "ee-golden-image-sg-id").containsEntry("ipProtocol", "-1");
        assertThat(ofType(mocks, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule")).isEmpty();
    }

    private Map<String, Object> policyOf(String type, String name) throws Exception {
        var resource = ofType(mocks, type).stream().filter(r -> r.name.equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " " + name));
        String key = type.endsWith(":Key") ? "policy" : type.endsWith(":Role") ? "assumeRolePolicy" : "policy";
        return new ObjectMapper().readValue((String) resource.inputs.get(key), Map.class);
    }

    @Test
    @DisplayName("the instance role trusts EC2 only and has the Image Builder and SSM managed policies")
    void instanceRole() throws Exception {
        Map<String, Object> trust = policyOf("aws:iam/role:Role", "ee-golden-image-instance");
        assertThat(trust).isEqualTo(Map.of("Version", "2012-10-17", "Statement", List.of(Map.of(
                "Sid", "Trust", "Effect", "Allow", "Principal", Map.of("Service", List.of("ec2.amazonaws.com")),
                "Action", List.of("sts:AssumeRole")))));
        assertThat(ofType(mocks, "aws:iam/rolePolicyAttachment:RolePolicyAttachment"))
                .filteredOn(a -> a.name.startsWith("ee-golden-image-instance-"))
                .extracting(a -> a.inputs.get("policyArn"))
                .containsExactlyInAnyOrder("arn:aws:iam::aws:policy/EC2InstanceProfileForImageBuilder",
                        "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore");
        Map<String, Object> inline = policyOf("aws:iam/rolePolicy:RolePolicy", "ee-golden-image-instance-app-parameters");
        assertThat((List<Object>) at(inline, "Statement", 0, "Action")).containsExactly("ssm:GetParameter", "ssm:GetParameters", "ssm:GetParametersByPath");
    }

    @Test
    @DisplayName("the execution role, trusted by Image Builder for this account only, may write exactly the AMI parameter")
    void executionRole() throws Exception {
        Map<String, Object> trust = policyOf("aws:iam/role:Role", "ee-image-builder-execution");
        assertThat((Map<String, Object>) at(trust, "Statement", 0)).containsEntry("Principal",
                        Map.of("Service", List.of("imagebuilder.amazonaws.com")))
                .containsEntry("Condition", Map.of("StringEquals", Map.of("aws:SourceAccount", List.of("123456789012"))));
        var role = ofType(mocks, "aws:iam/role:Role").stream().filter(r -> r.name.equals("ee-image-builder-execution"))
                .findFirst().orElseThrow();
        assertThat(role.inputs.get("name")).isEqualTo("ee-image-builder-execution");
        assertThat(ofType(mocks, "aws:iam/rolePolicyAttachment:RolePolicyAttachment"))
                .filteredOn(a -> a.name.equals("ee-image-builder-execution-baseline"))
                .extracting(a -> a.inputs.get("policyArn"))
                .containsExactly("arn:aws:iam::aws:policy/EC2ImageBuilderExecutionPolicy");
        Map<String, Object> inline = policyOf("aws:iam/rolePolicy:RolePolicy", "ee-image-builder-execution-ami-parameter");
        assertThat((List<Object>) inline.get("Statement")).containsExactly(
                Map.of("Sid", "WriteAmiParameter", "Effect", "Allow", "Action", List.of("ssm:PutParameter", "ssm:GetParameter"),
                        "Resource", List.of("arn:aws:ssm:eu-west-2:123456789012:parameter/ee/golden-image/ami-id")),
                Map.of("Sid", "DescribeImages", "Effect", "Allow", "Action", List.of("ec2:DescribeImages"),
                        "Resource", List.of("*")),
                Map.of("Sid", "DistributeToLaunchAccounts", "Effect", "Allow", "Action", List.of("sts:AssumeRole"),
                        "Resource", List.of(
                        "arn:aws:iam::111111111111:role/EC2ImageBuilderDistributionCrossAccountRole",
                        "arn:aws:iam::222222222222:role/EC2ImageBuilderDistributionCrossAccountRole")));
        var pipeline = one(mocks, "aws:imagebuilder/imagePipeline:ImagePipeline").inputs;
        assertThat(pipeline.get("executionRole")).isEqualTo("arn:aws:iam::123456789012:role/ee-image-builder-execution");
    }

    @Test
    @DisplayName("the distribution shares the AMI with the organisation, copies it to each launch account and writes the parameter in every account")
    void distribution() {
        var distributions = (List<Map<String, Object>>) one(mocks, 
                "aws:imagebuilder/distributionConfiguration:DistributionConfiguration").inputs.get("distributions");
        assertThat(distributions).hasSize(1);
        Map<String, Object> only = distributions.get(0);
        assertThat(only.get("region")).isEqualTo("eu-west-2");
        assertThat((String) at(only, "amiDistributionConfiguration", "name"))
                .isEqualTo("every-election-{{ imagebuilder:buildDate }}");
        assertThat((List<Object>) at(only, "amiDistributionConfiguration", "launchPermission", "organizationArns"))
                .containsExactly(ORG_ARN);
        assertThat((List<Object>) at(only, "amiDistributionConfiguration", "targetAccountIds"))
                .containsExactly("111111111111", "222222222222");
        assertThat((List<Object>) only.get("ssmParameterConfigurations")).containsExactly(
                Map.of("parameterName", AMI_PARAMETER, "dataType", "aws:ec2:image"),
                Map.of("parameterName", AMI_PARAMETER, "dataType", "aws:ec2:image", "amiAccountId", "111111111111"),
                Map.of("parameterName", AMI_PARAMETER, "dataType", "aws:ec2:image", "amiAccountId", "222222222222"));
    }

    @Test
    @DisplayName("the pipeline builds on the settings' six-field cron whenever it matches, with image tests")
    void pipeline() {
        var pipeline = one(mocks, "aws:imagebuilder/imagePipeline:ImagePipeline").inputs;
        assertThat((Map<String, Object>) pipeline.get("schedule")).isEqualTo(Map.of(
                "scheduleExpression", "cron(30 3 ? * mon *)",
                "pipelineExecutionStartCondition", "EXPRESSION_MATCH_ONLY"));
        assertThat((Boolean) at(pipeline, "imageTestsConfiguration", "imageTestsEnabled")).isTrue();
        assertThat((String) pipeline.get("imageRecipeArn")).endsWith(
                ":image-recipe/ee-golden-image/" + declared.recipeVersion());
        assertThat(pipeline.get("status")).isEqualTo("ENABLED");
    }

    @Test
    @DisplayName("every child uses the provider given to the component and sets no tags of its own")
    void childrenInheritTheProvider() {
        var children = mocks.registered().stream()
                .filter(r -> !r.type.startsWith("pulumi:providers:") && !r.type.equals(GoldenImagePipeline.TYPE))
                .toList();
        // the components, recipe, instance role + 2 attachments + inline policy + profile, security
        // group + egress rule, infrastructure, distribution, execution role + attachment + inline
        // policy, pipeline (the key is the bootstrap's)
        assertThat(children).hasSize(ComponentDocuments.load().size() + 14);
        assertThat(children).allSatisfy(r -> {
            assertThat(r.provider).as(r.name).contains("::aws::aws-id");
            assertThat(r.inputs).as(r.name).doesNotContainKey("tags");
        });
    }

    @Test
    @DisplayName("the outputs are the pipeline's ARN and the AMI parameter's name")
    void outputs() {
        assertThat(PulumiTest.extractValue(declared.pipelineArn()))
                .isEqualTo("arn:aws:imagebuilder:eu-west-2:123456789012:image-pipeline/ee-golden-image");
        assertThat(PulumiTest.extractValue(declared.amiParameterName())).isEqualTo(AMI_PARAMETER);
    }

    @Test
    @DisplayName("one byte changed in a document: that component and the recipe get new versions, the rest keep theirs")
    void oneByteChangedUnderMocks(@TempDir Path changed) throws Exception {
        for (String key : ComponentDocuments.ORDER) {
            String text = Files.readString(ComponentDocuments.DIRECTORY.resolve(key + ".yml"));
            Files.writeString(changed.resolve(key + ".yml"), key.equals("ec2-instance-connect") ? text.replace("Installs", "installs") : text);
        }
        var after = new FixtureMocks(Fixture.builtIn(), REGION);
        run(after, ORG_ARN, ComponentDocuments.load(changed, ComponentDocuments.ORDER)).throwOnError();
        String component = "aws:imagebuilder/component:Component";
        var before = inputsByName(mocks, component);
        var later = inputsByName(after, component);
        assertThat(later.get("ee-golden-image-ec2-instance-connect").get("version"))
                .isNotEqualTo(before.get("ee-golden-image-ec2-instance-connect").get("version"));
        for (String unchangedComponent : List.of("ee-golden-image-install-app")) {
            assertThat(later.get(unchangedComponent).get("version")).as(unchangedComponent)
                    .isEqualTo(before.get(unchangedComponent).get("version"));
        }
        String recipe = "aws:imagebuilder/imageRecipe:ImageRecipe";
        assertThat(one(after, recipe).inputs.get("version")).isNotEqualTo(one(mocks, recipe).inputs.get("version"));
        for (String unchanged : List.of("aws:imagebuilder/infrastructureConfiguration:InfrastructureConfiguration",
                "aws:imagebuilder/distributionConfiguration:DistributionConfiguration")) {
            assertThat(one(after, unchanged).inputs).as(unchanged).isEqualTo(one(mocks, unchanged).inputs);
        }
    }

    @Test
    @DisplayName("a bare organisation ID stops the program with the expected form")
    void bareOrganisationId() {
        TestResult result = run(new FixtureMocks(Fixture.builtIn(), REGION), "o-a1b2c3d4e5", ComponentDocuments.load());
        assertThat(result.exceptions()).anySatisfy(e -> assertThat(rootCause(e))
                .hasMessageContaining("SSM parameter OrganisationID holds 'o-a1b2c3d4e5'")
                .hasMessageContaining("arn:aws:organizations::<management account ID>:organization/o-a1b2c3d4e5"));
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
