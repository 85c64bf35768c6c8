package org.democracyclub.ee.infra.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.aws.ec2.LaunchTemplate;
import com.pulumi.aws.ec2.LaunchTemplateArgs;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.ec2.inputs.LaunchTemplateBlockDeviceMappingArgs;
import com.pulumi.aws.ec2.inputs.LaunchTemplateBlockDeviceMappingEbsArgs;
import com.pulumi.aws.ec2.inputs.LaunchTemplateMetadataOptionsArgs;
import com.pulumi.aws.inputs.ProviderDefaultTagsArgs;
import com.pulumi.aws.vpc.SecurityGroupIngressRule;
import com.pulumi.aws.vpc.SecurityGroupIngressRuleArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.test.Mocks;
import com.pulumi.test.PulumiTest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The engine fed the way the program will feed it: real pulumi-aws resources declared under
 * Pulumi's mock engine, recorded from {@code Mocks.newResourceAsync}. This pins the shapes the
 * pure tests assume (provider default tags as JSON text, the provider reference format, string
 * booleans) and the suppression overload that takes a {@code Resource}.
 */
class PolicyUnderPulumiMocksIT {

    /** Records every resource and gives it the ID {@code <name>-id}, like the program's mocks. */
    static final class RecordingMocks implements Mocks {
        final List<DeclaredResource> declared = new CopyOnWriteArrayList<>();

        @Override
        public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
            String id = args.name + "-id";
            declared.add(DeclaredResource.fromMock(args, id));
            return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(id), args.inputs));
        }
    }

    @AfterEach
    void cleanup() {
        PulumiTest.cleanup();
    }

    @Test
    void stackOutputsKeepTheirSecretFlag() {
        var result = PulumiTest.withMocks(new RecordingMocks()).runTest(ctx -> {
            ctx.export("url", Output.of("https://elections.example"));
            ctx.export("originVerifySecret", Output.ofSecret("s3cr3t"));
            ctx.export("originHeaderToken", Output.of("plain"));
        }).throwOnError();

        List<StackOutput> outputs = PulumiOutputs.of(result.outputs());

        assertThat(outputs).extracting(StackOutput::name, StackOutput::value, StackOutput::secret)
                .containsExactly(tuple("originHeaderToken", "plain", false),
                        tuple("originVerifySecret", "s3cr3t", true),
                        tuple("url", "https://elections.example", false));
        PolicyInput input = new PolicyInput("staging", List.of(), outputs, List.of());
        assertThat(SecretRules.outputsSecret().check(input))
                .extracting(Violation::ruleId, Violation::resourceName)
                .containsExactly(tuple("EE-SEC-1", "output:originHeaderToken"));
    }

    @Test
    void resourcesDeclaredUnderMocksAreCheckedAndSuppressedThroughTheResourceOverload() {
        RecordingMocks mocks = new RecordingMocks();
        Suppressions suppressions = new Suppressions();

        PulumiTest.withMocks(mocks).runTest(ctx -> {
            var provider = new Provider("aws-development", ProviderArgs.builder()
                    .region("eu-west-2")
                    .defaultTags(ProviderDefaultTagsArgs.builder()
                            .tags(Map.of("dc-product", "ee", "dc-environment", "development")).build())
                    .build());
            var options = CustomResourceOptions.builder().provider(provider).build();
            var group = new SecurityGroup("ee-instance-sg", SecurityGroupArgs.builder()
                    .description("instances").build(), options);
            var open = new SecurityGroupIngressRule("ee-instance-open", SecurityGroupIngressRuleArgs.builder()
                    .securityGroupId(group.id()).cidrIpv4("0.0.0.0/0").ipProtocol("tcp").fromPort(8001).toPort(8001)
                    .build(), options);
            suppressions.suppress(open, "EE-NET-1", "test fixture: shows the Resource overload");
            new LaunchTemplate("ee-launch-template", LaunchTemplateArgs.builder()
                    .metadataOptions(LaunchTemplateMetadataOptionsArgs.builder().httpTokens("optional").build())
                    .blockDeviceMappings(LaunchTemplateBlockDeviceMappingArgs.builder().deviceName("/dev/xvda")
                            .ebs(LaunchTemplateBlockDeviceMappingEbsArgs.builder().encrypted("true").build()).build())
                    .vpcSecurityGroupIds(group.id().applyValue(List::of))
                    .build(), options);
        }).throwOnError();

        PolicyInput input = new PolicyInput("development", mocks.declared, List.of(), List.of(), suppressions.all());
        PolicyReport report = PolicyEngine.standard().evaluate(input);

        assertThat(input.resources()).extracting(DeclaredResource::name).contains("ee-instance-sg", "aws-development");
        assertThat(report.suppressed())
                .extracting(s -> s.violation().ruleId(), s -> s.violation().resourceName(), s -> s.suppression().reason())
                .containsExactly(tuple("EE-NET-1", "ee-instance-open", "test fixture: shows the Resource overload"));
        assertThat(report.violations())
                .extracting(Violation::ruleId, Violation::resourceName)
                .contains(tuple("EE-EC2-1", "ee-launch-template"), tuple("EE-NET-2", "ee-instance-open"))
                .doesNotContain(tuple("EE-EC2-2", "ee-launch-template"));
        assertThat(report.violations()).extracting(Violation::ruleId).doesNotContain("EE-TAG-1");
    }
}
