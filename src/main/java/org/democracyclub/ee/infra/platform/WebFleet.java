package org.democracyclub.ee.infra.platform;

import com.pulumi.aws.autoscaling.Group;
import com.pulumi.aws.autoscaling.GroupArgs;
import com.pulumi.aws.autoscaling.inputs.GroupLaunchTemplateArgs;
import com.pulumi.aws.autoscaling.inputs.GroupTagArgs;
import com.pulumi.aws.ec2.LaunchTemplate;
import com.pulumi.aws.ec2.LaunchTemplateArgs;
import com.pulumi.aws.ec2.inputs.LaunchTemplateBlockDeviceMappingArgs;
import com.pulumi.aws.ec2.inputs.LaunchTemplateBlockDeviceMappingEbsArgs;
import com.pulumi.aws.ec2.inputs.LaunchTemplateIamInstanceProfileArgs;
import com.pulumi.aws.ec2.inputs.LaunchTemplateMetadataOptionsArgs;
import com.pulumi.aws.ec2.inputs.LaunchTemplateTagSpecificationArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.democracyclub.ee.common.AppDefaults;
import org.democracyclub.ee.common.CodeDeployNames;
import org.democracyclub.ee.infra.names.Names;
import org.democracyclub.ee.infra.settings.StackSettings;

/**
 * The launch template {@code ee-launch-template} and, in a fresh account only, the original
 * fleet. CodeDeploy copies the fleet on every deployment; see {@link LiveFleet} and
 * docs/adr/0001 for why the program then stops declaring it.
 */
public final class WebFleet extends ComponentResource {
    /** Root device of the Ubuntu-based DC base image. */
    static final String ROOT_DEVICE = "/dev/sda1";
    static final int HEALTH_CHECK_GRACE_SECONDS = 300;
    /** Copied fleets follow the template's newest version, so an AMI or type change reaches the next deployment. */
    static final String LATEST_VERSION = "$Latest";

    public static final String TYPE = "ee:platform:WebFleet";

    private final LaunchTemplate launchTemplate;
    private final Optional<Group> originalFleet;

    /**
     * Inputs of {@link WebFleet}; the AWS provider comes in the component's options.
     *
     * @param stackTags            the stack's tags, put on the instances and volumes by the
     *                             template and on the original fleet ({@code StackTags})
     * @param amiOverride          an AMI ID that replaces the golden image; empty (the default):
     *                             the golden image parameter, resolved at launch
     * @param instanceType         the EC2 instance type of the web instances
     * @param rootVolume           each instance's gp3 root volume
     * @param instanceProfileArn   the instances' profile ({@link Roles#instanceProfileArn})
     * @param securityGroupId      the instances' security group ({@link SecurityGroups#instanceGroupId})
     * @param declareOriginalFleet whether the program declares the fleet (a fresh account, before the
     *                             first deployment: {@link LiveFleet#declaredByProgram}); else template only
     * @param capacity             the original fleet's size bounds
     * @param subnetIds            the original fleet's subnets, one per availability zone
     * @param targetGroupArn       the target group the original fleet registers with
     *                             ({@link LoadBalancing#targetGroupArn})
     */
    public record Args(Map<String, String> stackTags, Optional<String> amiOverride, String instanceType,
                       StackSettings.RootVolume rootVolume, Output<String> instanceProfileArn,
                       Output<String> securityGroupId, boolean declareOriginalFleet,
                       StackSettings.FleetCapacity capacity, List<String> subnetIds, Output<String> targetGroupArn) {
        public Args {
            Objects.requireNonNull(stackTags, "stackTags");
            Objects.requireNonNull(amiOverride, "amiOverride");
            Objects.requireNonNull(instanceType, "instanceType");
            Objects.requireNonNull(rootVolume, "rootVolume");
            Objects.requireNonNull(instanceProfileArn, "instanceProfileArn");
            Objects.requireNonNull(securityGroupId, "securityGroupId");
            Objects.requireNonNull(capacity, "capacity");
            Objects.requireNonNull(targetGroupArn, "targetGroupArn");
            subnetIds = List.copyOf(subnetIds);
        }
    }

    public WebFleet(String name, Args args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var child = CustomResourceOptions.builder().parent(this).build();
        var tags = args.stackTags();
        var volume = args.rootVolume();

        launchTemplate = new LaunchTemplate(Names.LAUNCH_TEMPLATE, LaunchTemplateArgs.builder()
                .name(Names.LAUNCH_TEMPLATE)
                .description("EveryElection web instances (golden image, Gunicorn on " + AppDefaults.PORT + ")")
                .imageId(imageId(args.amiOverride()))
                .instanceType(args.instanceType())
                .updateDefaultVersion(true)
                .iamInstanceProfile(LaunchTemplateIamInstanceProfileArgs.builder()
                        .arn(args.instanceProfileArn()).build())
                .vpcSecurityGroupIds(args.securityGroupId().applyValue(List::of))
                .metadataOptions(LaunchTemplateMetadataOptionsArgs.builder()
                        .httpEndpoint("enabled")
                        .httpTokens("required")
                        .httpPutResponseHopLimit(1)
                        .build())
                .blockDeviceMappings(LaunchTemplateBlockDeviceMappingArgs.builder()
                        .deviceName(ROOT_DEVICE)
                        .ebs(LaunchTemplateBlockDeviceMappingEbsArgs.builder()
                                .volumeType(StackSettings.RootVolume.TYPE)
                                .volumeSize(volume.sizeGiB())
                                .iops(volume.iops())
                                .encrypted("true")
                                .deleteOnTermination("true")
                                .build())
                        .build())
                .tagSpecifications(
                        LaunchTemplateTagSpecificationArgs.builder().resourceType("instance").tags(tags).build(),
                        LaunchTemplateTagSpecificationArgs.builder().resourceType("volume").tags(tags).build())
                .build(), child);

        originalFleet = args.declareOriginalFleet()
                ? Optional.of(declareOriginalFleet(args))
                : Optional.empty();
        registerOutputs(Map.of("launchTemplateId", launchTemplate.id()));
    }

    /** The AMI: the override from settings, else the golden image parameter resolved at launch. */
    static String imageId(Optional<String> amiOverride) {
        return amiOverride.orElse("resolve:ssm:" + Names.AMI_PARAMETER);
    }

    private Group declareOriginalFleet(Args args) {
        List<GroupTagArgs> tags = new ArrayList<>();
        // Instances get the stack tags from the launch template, so these stay on the group.
        args.stackTags().forEach((key, value) -> tags.add(tag(key, value)));
        // Informative only: ownership follows from the groups' names (LiveFleet).
        tags.add(tag(LiveFleet.TAG_KEY, CodeDeployNames.DEPLOYMENT_GROUP));
        var capacity = args.capacity();
        return new Group(Names.ORIGINAL_FLEET, GroupArgs.builder()
                .name(Names.ORIGINAL_FLEET)
                .minSize(capacity.min())
                .desiredCapacity(capacity.desired())
                .maxSize(capacity.max())
                .vpcZoneIdentifiers(args.subnetIds())
                .launchTemplate(GroupLaunchTemplateArgs.builder()
                        .id(launchTemplate.id()).version(LATEST_VERSION).build())
                .targetGroupArns(args.targetGroupArn().applyValue(List::of))
                .healthCheckType("ELB")
                .healthCheckGracePeriod(HEALTH_CHECK_GRACE_SECONDS)
                .tags(tags)
                .build(), CustomResourceOptions.builder()
                .parent(this)
                // CodeDeploy deletes this group on the first deployment; when the program then
                // stops declaring it, Pulumi must forget it, not try to delete it.
                .retainOnDelete(true)
                // The deployer wakes a fleet powered off overnight; don't fight it.
                .ignoreChanges("desiredCapacity")
                .build());
    }

    private static GroupTagArgs tag(String key, String value) {
        return GroupTagArgs.builder().key(key).value(value).propagateAtLaunch(false).build();
    }

    /** The original fleet, when the program declares it (a fresh account, before the first deployment). */
    public Optional<Group> originalFleet() {
        return originalFleet;
    }

    public Output<String> launchTemplateId() {
        return launchTemplate.id();
    }
}
