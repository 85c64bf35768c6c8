package org.democracyclub.ee.infra.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.core.Output;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.democracyclub.ee.infra.names.Names;
import org.democracyclub.ee.infra.policy.DeclaredResource;
import org.democracyclub.ee.infra.preview.OfflineRun;
import org.democracyclub.ee.infra.settings.StackSettings;
import org.junit.jupiter.api.Test;

/** {@link WebFleet} declared alone with its args, in a fresh account and once deployed. */
class WebFleetIT {
    private static final String TEMPLATE = "aws:ec2/launchTemplate:LaunchTemplate";
    private static final String GROUP = "aws:autoscaling/group:Group";
    private static final String PROFILE = "arn:aws:iam::123456789012:instance-profile/test";
    private static final List<String> SUBNETS = List.of("subnet-a", "subnet-b");

    private static OfflineRun declare(Optional<String> amiOverride, boolean declareOriginalFleet) {
        return Alone.declare(options -> new WebFleet("fleet", new WebFleet.Args(Map.of("Env", "test"), amiOverride,
                "t3a.small", new StackSettings.RootVolume(30, 3000), Output.of(PROFILE), Output.of("sg-test"),
                declareOriginalFleet, new StackSettings.FleetCapacity(1, 2, 3), SUBNETS, Output.of("arn:tg-test")),
                options));
    }

    @Test
    void withoutAnOverrideTheTemplateResolvesTheGoldenImageParameterAtLaunch() {
        assertThat(declare(Optional.empty(), false).get(TEMPLATE, Names.LAUNCH_TEMPLATE).at("imageId"))
                .isEqualTo("resolve:ssm:" + Names.AMI_PARAMETER);
    }

    @Test
    void anOverrideReplacesTheGoldenImage() {
        assertThat(declare(Optional.of("ami-0override"), false).get(TEMPLATE, Names.LAUNCH_TEMPLATE).at("imageId"))
                .isEqualTo("ami-0override");
    }

    @Test
    void theTemplateLaunchesTheGivenTypeWithTheGivenProfileGroupAndVolume() {
        DeclaredResource template = declare(Optional.empty(), false).get(TEMPLATE, Names.LAUNCH_TEMPLATE);
        assertThat(template.at("instanceType")).isEqualTo("t3a.small");
        assertThat(template.at("iamInstanceProfile.arn")).isEqualTo(PROFILE);
        assertThat(template.at("vpcSecurityGroupIds")).isEqualTo(List.of("sg-test"));
        assertThat(template.at("blockDeviceMappings.0.ebs.volumeSize")).isEqualTo(30.0);
        assertThat(template.at("blockDeviceMappings.0.ebs.iops")).isEqualTo(3000.0);
        assertThat(template.at("metadataOptions.httpTokens")).isEqualTo("required");
        assertThat(template.at("tagSpecifications.0.tags")).isEqualTo(Map.of("Env", "test"));
    }

    @Test
    void onceDeployedOnlyTheTemplateIsDeclared() {
        assertThat(declare(Optional.empty(), false).ofType(GROUP)).isEmpty();
    }

    @Test
    void inAFreshAccountTheOriginalFleetHasTheGivenCapacitySubnetsAndTargetGroup() {
        DeclaredResource group = declare(Optional.empty(), true).get(GROUP, Names.ORIGINAL_FLEET);
        assertThat(List.of(group.at("minSize"), group.at("desiredCapacity"), group.at("maxSize")))
                .containsExactly(1.0, 2.0, 3.0);
        assertThat(group.at("vpcZoneIdentifiers")).isEqualTo(SUBNETS);
        assertThat(group.at("targetGroupArns")).isEqualTo(List.of("arn:tg-test"));
        assertThat(group.at("launchTemplate.version")).isEqualTo(WebFleet.LATEST_VERSION);
    }

    @Test
    void theOriginalFleetIsForgottenNotDeletedAndItsDesiredCapacityLeftToTheDeployer() {
        DeclaredResource group = declare(Optional.empty(), true).get(GROUP, Names.ORIGINAL_FLEET);
        assertThat(group.retainOnDelete()).isTrue();
        assertThat(group.ignoreChanges()).containsExactly("desiredCapacity");
        assertThat(group.parentType()).isEqualTo(WebFleet.TYPE);
    }
}
