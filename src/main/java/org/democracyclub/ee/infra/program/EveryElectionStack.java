package org.democracyclub.ee.infra.program;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.pulumi.Context;
import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.aws.inputs.ProviderDefaultTagsArgs;
import com.pulumi.aws.ssm.Parameter;
import com.pulumi.aws.ssm.ParameterArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.democracyclub.ee.common.StackOutputs;
import org.democracyclub.ee.infra.image.ComponentDocument;
import org.democracyclub.ee.infra.image.ComponentDocuments;
import org.democracyclub.ee.infra.image.GoldenImagePipeline;
import org.democracyclub.ee.infra.image.GoldenImagePipelineArgs;
import org.democracyclub.ee.infra.image.GoldenImageRecipient;
import org.democracyclub.ee.infra.image.InvalidComponentDocumentException;
import org.democracyclub.ee.infra.platform.AppSettings;
import org.democracyclub.ee.infra.operations.Operations;
import org.democracyclub.ee.infra.platform.Application;
import org.democracyclub.ee.infra.platform.BlueGreenDeployment;
import org.democracyclub.ee.infra.platform.DeploymentInFlightException;
import org.democracyclub.ee.infra.platform.LoadBalancing;
import org.democracyclub.ee.infra.platform.RevisionStore;
import org.democracyclub.ee.infra.names.Names;
import org.democracyclub.ee.infra.platform.Roles;
import org.democracyclub.ee.infra.platform.SecurityGroups;
import org.democracyclub.ee.infra.platform.SiteCertificates;
import org.democracyclub.ee.infra.platform.SiteDistribution;
import org.democracyclub.ee.infra.platform.SiteFacts;
import org.democracyclub.ee.infra.platform.SiteLookups;
import org.democracyclub.ee.infra.names.StackTags;
import org.democracyclub.ee.infra.platform.WebFleet;
import org.democracyclub.ee.infra.policy.Suppressions;
import org.democracyclub.ee.infra.settings.Environment;
import org.democracyclub.ee.infra.settings.InvalidSettingsException;
import org.democracyclub.ee.infra.settings.Json;
import org.democracyclub.ee.infra.settings.StackSettings;

/**
 * The EveryElection stack: every resource of one environment. {@link #stack} takes its
 * settings as one validated object, so the Pulumi engine, the offline preview and the tests
 * all run the same code with the same inputs.
 */
public final class EveryElectionStack {

    /** Exported only by stacks that build images; not part of the deployer's contract. */
    public static final String GOLDEN_IMAGE_PIPELINE_OUTPUT = "goldenImagePipelineArn";
    /** The recipe version the pipeline builds: when it changes, CI starts a build (docs/golden-images.md). */
    public static final String GOLDEN_IMAGE_RECIPE_OUTPUT = "goldenImageRecipeArn";

    private EveryElectionStack() {
    }

    /** The AWSTOE documents, validated before anything is declared; a broken one is a settings problem. */
    private static List<ComponentDocument> componentDocuments() {
        try {
            return ComponentDocuments.load();
        } catch (InvalidComponentDocumentException e) {
            throw new InvalidSettingsException(e.problems().stream().map(Object::toString).toList());
        }
    }

    /**
     * Declares the stack.
     *
     * @param suppressions where resources record the policy rules they are exempt from, with why
     */
    public static void stack(Context ctx, StackSettings settings, Suppressions suppressions) {
        stack(ctx, settings, suppressions, false);
    }

    /**
     * Declares the stack.
     *
     * @param update whether this run is {@code pulumi up} (false: a preview), which is refused while
     *               a deployment is in flight ({@link DeploymentInFlightException})
     */
    public static void stack(Context ctx, StackSettings settings, Suppressions suppressions, boolean update) {
        String env = settings.environment().stackName();
        // One explicit provider: the region and the stack tags are set here, once.
        var provider = new Provider("aws-" + env, ProviderArgs.builder()
                .region(settings.region())
                .defaultTags(ProviderDefaultTagsArgs.builder().tags(StackTags.of(settings.environment())).build())
                .build());
        SiteFacts facts = new SiteLookups(provider).lookUp(settings);
        if (update && facts.fleet().inFlight()) {
            throw new DeploymentInFlightException(facts.fleet());
        }
        List<ComponentDocument> documents = settings.goldenImages().isPresent() ? componentDocuments() : List.of();
        var options = ComponentResourceOptions.builder().providers(provider).build();

        var groups = new SecurityGroups("ee-network",
                new SecurityGroups.Args(facts.vpcId(), facts.cloudFrontPrefixListId()), options);
        var roles = new Roles("ee-iam",
                new Roles.Args(settings.region(), facts.accountId(), settings.appAccess()), options);
        var revisions = new RevisionStore("ee-revisions", new RevisionStore.Args(settings.region(), facts.accountId(),
                settings.revisionVersionsExpireAfterDays()), options);
        // CloudFront takes its viewer certificate from us-east-1 only: a second provider there, same tags.
        var usEast1 = new Provider("aws-" + env + "-" + SiteCertificates.CLOUDFRONT_REGION, ProviderArgs.builder()
                .region(SiteCertificates.CLOUDFRONT_REGION)
                .defaultTags(ProviderDefaultTagsArgs.builder().tags(StackTags.of(settings.environment())).build())
                .build());
        var certificates = new SiteCertificates("ee-certificates", new SiteCertificates.Args(facts.fqdn(),
                facts.hostedZoneId(), facts.certificateOverride(), usEast1), options);
        var loadBalancing = new LoadBalancing("ee-lb", new LoadBalancing.Args(facts.vpcId(), facts.subnetIds(),
                groups.loadBalancerGroupId(), certificates.originCertificateArn(), settings.healthCheck(),
                settings.environment() == Environment.PRODUCTION, settings.originVerifySecret().accepted()), options);
        var fleet = new WebFleet("ee-fleet", new WebFleet.Args(StackTags.of(settings.environment()),
                settings.amiOverride(), settings.instanceType(), settings.rootVolume(), roles.instanceProfileArn(),
                groups.instanceGroupId(), facts.fleet().declaredByProgram(), settings.capacity(), facts.subnetIds(),
                loadBalancing.targetGroupArn()), options);
        var deployment = new BlueGreenDeployment("ee-codedeploy", new BlueGreenDeployment.Args(
                roles.serviceRoleArn(), loadBalancing.targetGroupName(), settings.terminateOldFleetAfterMinutes(),
                facts.fleet().name(), fleet.originalFleet()), options);
        var site = new SiteDistribution("ee-cdn", new SiteDistribution.Args(env, facts.fqdn(), facts.hostedZoneId(),
                loadBalancing.dnsName(), loadBalancing.zoneId(), certificates.viewerCertificateArn(),
                settings.originVerifySecret().value(),
                List.of(loadBalancing.httpsListener(), loadBalancing.originSecretRule())), options);
        new AppSettings("ee-app-settings",
                new AppSettings.Args(env, settings.region(), facts.accountId(), facts.fqdn()), options);
        // Jobs, alarms, backups, power-off and scaling (docs/operations.md).
        Operations.declare(settings.operations(), new Operations.Platform(settings.region(), facts.accountId(),
                settings.capacity().min(), settings.capacity().desired(), loadBalancing.targetGroupArn(),
                loadBalancing.loadBalancerArn()),
                options);

        var goldenImage = settings.goldenImages().map(images -> new GoldenImagePipeline(Names.IMAGE_BUILDER,
                new GoldenImagePipelineArgs(env, settings.region(), facts.accountId(), images, documents,
                        Output.of(facts.organisationArn()), Names.AMI_PARAMETER, facts.vpcId(),
                        facts.subnetIds().get(0)), options));

        settings.goldenImageSourceAccountId().ifPresent(source -> new GoldenImageRecipient("ee-golden-image-copies",
                new GoldenImageRecipient.Args(settings.region(), facts.accountId(), source, Names.AMI_PARAMETER),
                options));

        Map<String, Output<?>> outputs = new LinkedHashMap<>();
        outputs.put(StackOutputs.ENVIRONMENT, Output.of(env));
        outputs.put(StackOutputs.REGION, Output.of(settings.region()));
        outputs.put(StackOutputs.APPLICATION_NAME, deployment.applicationName());
        outputs.put(StackOutputs.DEPLOYMENT_GROUP_NAME, deployment.deploymentGroupName());
        outputs.put(StackOutputs.TARGET_GROUP_ARN, loadBalancing.targetGroupArn());
        outputs.put(StackOutputs.AUTO_SCALING_GROUP_NAME, Output.of(facts.fleet().name()));
        outputs.put(StackOutputs.MIN_SIZE, Output.of(settings.capacity().min()));
        outputs.put(StackOutputs.DESIRED_CAPACITY, Output.of(settings.capacity().desired()));
        outputs.put(StackOutputs.MAX_SIZE, Output.of(settings.capacity().max()));
        outputs.put(StackOutputs.URL, Output.of("https://" + facts.fqdn()));
        outputs.put(StackOutputs.DISTRIBUTION_DOMAIN_NAME, site.domainName());
        outputs.put(StackOutputs.AMI_PARAMETER_NAME, Output.of(Names.AMI_PARAMETER));
        outputs.put(StackOutputs.REVISION_BUCKET, revisions.bucketName());
        goldenImage.ifPresent(pipeline -> {
            ctx.export(GOLDEN_IMAGE_PIPELINE_OUTPUT, pipeline.pipelineArn());
            ctx.export(GOLDEN_IMAGE_RECIPE_OUTPUT, pipeline.recipeArn());
        });
        outputs.forEach(ctx::export);

        // The same object in SSM, so the deploy job needs no access to Pulumi's state.
        new Parameter("ee-deployer-stack-outputs", ParameterArgs.builder()
                .name(StackOutputs.SSM_PARAMETER)
                .type("String")
                .description("Outputs of the " + env + " stack, for the deployer (written by pulumi up)")
                .value(toJson(outputs))
                .build(), CustomResourceOptions.builder().provider(provider).build());
    }

    /** Renders the outputs as one JSON object with keys in a stable order. */
    static Output<String> toJson(Map<String, Output<?>> outputs) {
        return Output.all(outputs.values().stream().map(o -> o.applyValue(v -> (Object) v)).toList())
                .applyValue(values -> {
                    Map<String, Object> object = new TreeMap<>();
                    var keys = outputs.keySet().iterator();
                    values.forEach(value -> object.put(keys.next(), value));
                    try {
                        return Json.MAPPER.writeValueAsString(object);
                    } catch (JsonProcessingException e) {
                        throw new IllegalStateException("stack outputs are strings and numbers", e);
                    }
                });
    }
}
