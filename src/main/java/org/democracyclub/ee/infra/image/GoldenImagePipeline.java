package org.democracyclub.ee.infra.image;

import com.pulumi.aws.imagebuilder.Component;
import com.pulumi.aws.imagebuilder.ComponentArgs;
import com.pulumi.aws.imagebuilder.DistributionConfiguration;
import com.pulumi.aws.imagebuilder.DistributionConfigurationArgs;
import com.pulumi.aws.imagebuilder.ImagePipeline;
import com.pulumi.aws.imagebuilder.ImagePipelineArgs;
import com.pulumi.aws.imagebuilder.ImageRecipe;
import com.pulumi.aws.imagebuilder.ImageRecipeArgs;
import com.pulumi.aws.imagebuilder.InfrastructureConfiguration;
import com.pulumi.aws.imagebuilder.InfrastructureConfigurationArgs;
import com.pulumi.aws.imagebuilder.inputs.DistributionConfigurationDistributionAmiDistributionConfigurationArgs;
import com.pulumi.aws.imagebuilder.inputs.DistributionConfigurationDistributionAmiDistributionConfigurationLaunchPermissionArgs;
import com.pulumi.aws.imagebuilder.inputs.DistributionConfigurationDistributionArgs;
import com.pulumi.aws.imagebuilder.inputs.DistributionConfigurationDistributionSsmParameterConfigurationArgs;
import com.pulumi.aws.imagebuilder.inputs.ImagePipelineImageTestsConfigurationArgs;
import com.pulumi.aws.imagebuilder.inputs.ImagePipelineScheduleArgs;
import com.pulumi.aws.imagebuilder.inputs.ImageRecipeBlockDeviceMappingArgs;
import com.pulumi.aws.imagebuilder.inputs.ImageRecipeBlockDeviceMappingEbsArgs;
import com.pulumi.aws.imagebuilder.inputs.ImageRecipeComponentArgs;
import com.pulumi.aws.imagebuilder.inputs.ImageRecipeComponentParameterArgs;
import com.pulumi.aws.imagebuilder.inputs.InfrastructureConfigurationInstanceMetadataOptionsArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.democracyclub.ee.infra.names.Names;
import org.democracyclub.ee.infra.names.OrganisationArn;
import org.democracyclub.ee.infra.settings.BuildSchedule;

/**
 * The golden image pipeline: the AWSTOE components, the recipe that applies them to the DC base
 * image, the build instances' role and configuration, the distribution (organisation share and
 * the SSM parameter the launch template resolves), and the daily pipeline. Only the stack that
 * builds images (production) declares it.
 */
public final class GoldenImagePipeline extends ComponentResource {

    public static final String TYPE = "ee:image:GoldenImagePipeline";
    /** AMI names start with this; other projects find the shared image by it (docs/golden-images.md). */
    public static final String AMI_NAME_PREFIX = "every-election-";
    /** Image Builder replaces this with the build's date and time, keeping AMI names unique. */
    static final String BUILD_DATE = "{{ imagebuilder:buildDate }}";
    static final String AMI_PARAMETER_DATA_TYPE = "aws:ec2:image";

    private final Output<String> pipelineArn;
    private final Output<String> recipeArn;
    private final Output<String> executionRoleName;
    private final Output<String> amiParameterName;
    private final RecipePlan plan;

    public GoldenImagePipeline(String name, GoldenImagePipelineArgs args, ComponentResourceOptions opts) {
        super(TYPE, name, opts);
        // Everything that can be wrong with the inputs fails here, before any child is declared.
        // The bootstrap creates the key (docs/adr/0003); the recipe names it by its alias ARN.
        String keyAliasArn = "arn:aws:kms:" + args.region() + ":" + args.accountId() + ":" + Names.GOLDEN_IMAGE_KEY_ALIAS;
        this.plan = RecipePlan.of(args.settings(), args.documents(), keyAliasArn);
        var child = CustomResourceOptions.builder().parent(this).build();

        ImageRecipe recipe = recipe(name, components(name, child), child);
        InfrastructureConfiguration infrastructure = infrastructure(name, args, child);
        DistributionConfiguration distribution = distribution(name, args, child);
        var execution = ExecutionRole.declare(name, args, child);
        ImagePipeline pipeline = new ImagePipeline(name, ImagePipelineArgs.builder()
                .name(name)
                .description("Builds the EveryElection golden image on its schedule (docs/golden-images.md)")
                .imageRecipeArn(recipe.arn())
                .infrastructureConfigurationArn(infrastructure.arn())
                .distributionConfigurationArn(distribution.arn())
                // The distribution writes the AMI parameter with this role, not the service-linked one.
                .executionRole(execution.role().arn())
                .schedule(ImagePipelineScheduleArgs.builder()
                        .scheduleExpression(args.settings().schedule())
                        .pipelineExecutionStartCondition(BuildSchedule.START_CONDITION)
                        .build())
                .imageTestsConfiguration(ImagePipelineImageTestsConfigurationArgs.builder()
                        .imageTestsEnabled(true)
                        .build())
                .status("ENABLED")
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(execution.grants()).build());

        this.pipelineArn = pipeline.arn();
        this.recipeArn = recipe.arn();
        this.executionRoleName = execution.role().name();
        this.amiParameterName = Output.of(args.amiParameterName());
        registerOutputs(Map.of("pipelineArn", pipelineArn, "amiParameterName", amiParameterName,
                "recipeArn", recipeArn));
    }

    /** ARN of the recipe version the pipeline builds; CI starts a build when it changes (docs/golden-images.md). */
    public Output<String> recipeArn() {
        return recipeArn;
    }

    /** Name of the execution role: the only role CI passes to Image Builder besides the instance role. */
    public Output<String> executionRoleName() {
        return executionRoleName;
    }

    /** ARN of the image pipeline. */
    public Output<String> pipelineArn() {
        return pipelineArn;
    }

    /** Name of the SSM parameter that receives each new AMI ID. */
    public Output<String> amiParameterName() {
        return amiParameterName;
    }

    /** The recipe's content-derived version (for the offline preview and for tests). */
    public String recipeVersion() {
        return plan.version();
    }

    private List<ImageRecipeComponentArgs> components(String name, CustomResourceOptions child) {
        List<ImageRecipeComponentArgs> result = new ArrayList<>();
        for (RecipePlan.PlannedComponent planned : plan.components()) {
            ComponentDocument document = planned.document();
            String componentName = name + "-" + document.key();
            var component = new Component(componentName, ComponentArgs.builder()
                    .name(componentName)
                    .version(planned.version())
                    .platform("Linux")
                    .description(document.description())
                    .changeDescription("Derived from " + ComponentDocuments.DIRECTORY.resolve(document.file().getFileName()))
                    .data(document.content())
                    .build(), child);
            result.add(ImageRecipeComponentArgs.builder()
                    .componentArn(component.arn())
                    .parameters(planned.parameters().entrySet().stream()
                            .map(p -> ImageRecipeComponentParameterArgs.builder().name(p.getKey()).value(p.getValue()).build())
                            .toList())
                    .build());
        }
        return result;
    }

    private ImageRecipe recipe(String name, List<ImageRecipeComponentArgs> components, CustomResourceOptions child) {
        RecipePlan.RootVolume root = plan.rootVolume();
        return new ImageRecipe(name, ImageRecipeArgs.builder()
                .name(name)
                .version(plan.version())
                .description(plan.description())
                .parentImage(plan.parentImage())
                .components(components)
                .blockDeviceMappings(ImageRecipeBlockDeviceMappingArgs.builder()
                        .deviceName(root.deviceName())
                        .ebs(ImageRecipeBlockDeviceMappingEbsArgs.builder()
                                .volumeSize(root.sizeGiB())
                                .volumeType(root.volumeType())
                                .encrypted(Boolean.toString(root.encrypted()))
                                .kmsKeyId(root.kmsKeyId())
                                .deleteOnTermination(Boolean.toString(root.deleteOnTermination()))
                                .build())
                        .build())
                .build(), child);
    }

    private InfrastructureConfiguration infrastructure(String name, GoldenImagePipelineArgs args, CustomResourceOptions child) {
        var identity = BuildInstanceProfile.declare(name, args.region(), args.accountId(), child);
        var group = BuildNetwork.securityGroup(name, args.vpcId(), child);
        return new InfrastructureConfiguration(name, InfrastructureConfigurationArgs.builder()
                .name(name)
                .description("Build and test instances for " + name + " (" + args.environment() + ")")
                .instanceTypes(args.settings().instanceType())
                .instanceProfileName(identity.profile().name())
                // Named, not left to Image Builder's default VPC pick: the subnet the settings'
                // VPC offers and a group that lets the build reach the internet and nothing in.
                .subnetId(args.subnetId())
                .securityGroupIds(group.id().applyValue(List::of))
                .instanceMetadataOptions(InfrastructureConfigurationInstanceMetadataOptionsArgs.builder()
                        .httpTokens("required")
                        .build())
                // A failed build leaves nothing running (and billing); its logs are in the image's workflow.
                .terminateInstanceOnFailure(true)
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(identity.grants()).build());
    }

    private DistributionConfiguration distribution(String name, GoldenImagePipelineArgs args, CustomResourceOptions child) {
        Output<List<String>> organisations = args.organisationArn()
                .applyValue(value -> List.of(OrganisationArn.parse(value).value()));
        List<String> launchAccounts = args.settings().launchAccountIds();
        var ami = DistributionConfigurationDistributionAmiDistributionConfigurationArgs.builder()
                .name(AMI_NAME_PREFIX + BUILD_DATE)
                .description("EveryElection golden image (" + args.environment() + " pipeline)")
                .launchPermission(DistributionConfigurationDistributionAmiDistributionConfigurationLaunchPermissionArgs.builder()
                        .organizationArns(organisations)
                        .build());
        if (!launchAccounts.isEmpty()) {
            // Each launch account gets its own copy (re-encrypted there with its default EBS key,
            // which its Auto Scaling role may use without a grant), so it does not depend on ours.
            ami.targetAccountIds(launchAccounts);
        }
        return new DistributionConfiguration(name, DistributionConfigurationArgs.builder()
                .name(name)
                .description("Shares the EveryElection golden image with the organisation, copies it to "
                        + (launchAccounts.isEmpty() ? "no other account" : String.join(", ", launchAccounts))
                        + " and writes its ID to " + args.amiParameterName() + " in each")
                .distributions(DistributionConfigurationDistributionArgs.builder()
                        .region(args.region())
                        .amiDistributionConfiguration(ami.build())
                        .ssmParameterConfigurations(parameterConfigurations(args))
                        .build())
                .build(), child);
    }

    /**
     * The AMI parameter in this account and, through {@code amiAccountId}, in every launch
     * account: "During distribution, this account must be specified in distribution settings as a
     * target account for the Region" (API reference, SsmParameterConfiguration), which the copies
     * above are.
     */
    static List<DistributionConfigurationDistributionSsmParameterConfigurationArgs> parameterConfigurations(
            GoldenImagePipelineArgs args) {
        List<DistributionConfigurationDistributionSsmParameterConfigurationArgs> result = new ArrayList<>();
        result.add(DistributionConfigurationDistributionSsmParameterConfigurationArgs.builder()
                .parameterName(args.amiParameterName())
                .dataType(AMI_PARAMETER_DATA_TYPE)
                .build());
        for (String account : args.settings().launchAccountIds()) {
            result.add(DistributionConfigurationDistributionSsmParameterConfigurationArgs.builder()
                    .parameterName(args.amiParameterName())
                    .dataType(AMI_PARAMETER_DATA_TYPE)
                    .amiAccountId(account)
                    .build());
        }
        return result;
    }
}
