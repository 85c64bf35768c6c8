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
import org.democracyclub.ee.infra.names.OrganisationArn;

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
    static final String SCHEDULE = "rate(1 day)";
    /** Build only when the base image or a component has a newer version than the last image. */
    static final String START_CONDITION = "EXPRESSION_MATCH_AND_DEPENDENCY_UPDATES_AVAILABLE";
    static final String AMI_PARAMETER_DATA_TYPE = "aws:ec2:image";

    private final Output<String> pipelineArn;
    private final Output<String> amiParameterName;
    private final RecipePlan plan;

    public GoldenImagePipeline(String name, GoldenImagePipelineArgs args, ComponentResourceOptions opts) {
        super(TYPE, name, opts);
        // Everything that can be wrong with the inputs fails here, before any child is declared.
        this.plan = RecipePlan.of(args.settings(), args.documents());
        var child = CustomResourceOptions.builder().parent(this).build();

        ImageRecipe recipe = recipe(name, components(name, child), child);
        InfrastructureConfiguration infrastructure = infrastructure(name, args, child);
        DistributionConfiguration distribution = distribution(name, args, child);
        ImagePipeline pipeline = new ImagePipeline(name, ImagePipelineArgs.builder()
                .name(name)
                .description("Builds the EveryElection golden image daily when its base image or components change")
                .imageRecipeArn(recipe.arn())
                .infrastructureConfigurationArn(infrastructure.arn())
                .distributionConfigurationArn(distribution.arn())
                .schedule(ImagePipelineScheduleArgs.builder()
                        .scheduleExpression(SCHEDULE)
                        .pipelineExecutionStartCondition(START_CONDITION)
                        .build())
                .imageTestsConfiguration(ImagePipelineImageTestsConfigurationArgs.builder()
                        .imageTestsEnabled(true)
                        .build())
                .status("ENABLED")
                .build(), child);

        this.pipelineArn = pipeline.arn();
        this.amiParameterName = Output.of(args.amiParameterName());
        registerOutputs(Map.of("pipelineArn", pipelineArn, "amiParameterName", amiParameterName));
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
                                .deleteOnTermination(Boolean.toString(root.deleteOnTermination()))
                                .build())
                        .build())
                .build(), child);
    }

    private InfrastructureConfiguration infrastructure(String name, GoldenImagePipelineArgs args, CustomResourceOptions child) {
        var identity = BuildInstanceProfile.declare(name, args.region(), args.accountId(), child);
        return new InfrastructureConfiguration(name, InfrastructureConfigurationArgs.builder()
                .name(name)
                .description("Build and test instances for " + name + " (" + args.environment() + ")")
                .instanceTypes(args.settings().instanceType())
                .instanceProfileName(identity.profile().name())
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
        return new DistributionConfiguration(name, DistributionConfigurationArgs.builder()
                .name(name)
                .description("Shares the EveryElection golden image with the organisation")
                .distributions(DistributionConfigurationDistributionArgs.builder()
                        .region(args.region())
                        .amiDistributionConfiguration(DistributionConfigurationDistributionAmiDistributionConfigurationArgs.builder()
                                .name(AMI_NAME_PREFIX + BUILD_DATE)
                                .description("EveryElection golden image (" + args.environment() + " pipeline)")
                                .launchPermission(DistributionConfigurationDistributionAmiDistributionConfigurationLaunchPermissionArgs.builder()
                                        .organizationArns(organisations)
                                        .build())
                                .build())
                        .ssmParameterConfigurations(DistributionConfigurationDistributionSsmParameterConfigurationArgs.builder()
                                .parameterName(args.amiParameterName())
                                .dataType(AMI_PARAMETER_DATA_TYPE)
                                .build())
                        .build())
                .build(), child);
    }
}
