package org.democracyclub.ee.infra.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.democracyclub.ee.infra.policy.Res.list;
import static org.democracyclub.ee.infra.policy.Res.obj;

import org.junit.jupiter.api.Test;

class TagRulesTest {
    private final TestStack stack = TestStack.compliant("staging");

    @Test
    void resourcesTaggedThroughTheProvidersDefaultTagsPass() {
        assertThat(stack.check(TagRules.everyResourceTagged())).isEmpty();
    }

    @Test
    void defaultTagsGivenAsAnObjectRatherThanJsonTextPass() {
        stack.edit("aws-staging", r -> r.set("defaultTags",
                obj("tags", obj("dc-product", "ee", "dc-environment", "staging"))));

        assertThat(stack.check(TagRules.everyResourceTagged())).isEmpty();
    }

    @Test
    void withoutDefaultTagsEveryTaggableResourceIsCaughtButNotTheUntaggableOnes() {
        stack.edit("aws-staging", r -> r.remove("defaultTags"));

        assertThat(stack.check(TagRules.everyResourceTagged()))
                .extracting(Violation::resourceName)
                .contains("ee-alb", "ee-launch-template", "ee-instance-sg", "ee-alb-from-cloudfront",
                        "CodeDeployServiceRole", "ee-distribution")
                .doesNotContain("ee-a-record", "ee-codedeploy-blue-green", "ee-codedeploy-managed", "ee-fleet");
    }

    @Test
    void aResourcesOwnTagsCountWithoutDefaultTags() {
        stack.edit("aws-staging", r -> r.remove("defaultTags"));
        stack.edit("ee-alb", r -> r.set("tags", obj("dc-product", "ee", "dc-environment", "staging")));

        assertThat(stack.check(TagRules.everyResourceTagged()))
                .extracting(Violation::resourceName).doesNotContain("ee-alb");
    }

    @Test
    void aResourceTaggedWithTheWrongEnvironmentIsCaught() {
        stack.edit("ee-alb", r -> r.set("tags", obj("dc-environment", "production")));

        assertThat(stack.check(TagRules.everyResourceTagged()))
                .extracting(Violation::ruleId, Violation::resourceName, Violation::problem)
                .containsExactly(tuple("EE-TAG-1", "ee-alb",
                        "dc-environment is 'production', expected 'staging' in tags or the provider's defaultTags"));
    }

    @Test
    void theProviderNamedInTheResourcesProviderReferenceIsUsed() {
        stack.add(Res.of(Types.AWS_PROVIDER, "aws-us-east-1").set("region", "us-east-1"));
        stack.edit("ee-alb", r -> r.provider(
                "urn:pulumi:staging::every-election::pulumi:pulumi:Stack$pulumi:providers:aws::aws-us-east-1::aws-us-east-1-id"));
        stack.edit("ee-distribution", r -> r.provider(
                "urn:pulumi:staging::every-election::pulumi:pulumi:Stack$pulumi:providers:aws::aws-staging::aws-staging-id"));

        assertThat(stack.check(TagRules.everyResourceTagged()))
                .extracting(Violation::resourceName).containsExactly("ee-alb");
    }

    @Test
    void anAutoScalingGroupNeedsItsOwnTagsBecauseDefaultTagsDoNotReachIt() {
        stack.edit("ee-fleet", r -> r.set("tags", list(obj("key", "Name", "value", "ee", "propagateAtLaunch", true))));

        assertThat(stack.check(TagRules.everyResourceTagged()))
                .extracting(Violation::ruleId, Violation::resourceName)
                .containsExactly(tuple("EE-TAG-1", "ee-fleet"));
    }

    @Test
    void aLaunchTemplateTaggingInstancesAndVolumesPasses() {
        assertThat(stack.check(TagRules.launchedInstancesTagged())).isEmpty();
    }

    @Test
    void aLaunchTemplateNotTaggingVolumesIsCaught() {
        stack.edit("ee-launch-template", r -> r.set("tagSpecifications", list(obj("resourceType", "instance",
                "tags", obj("dc-product", "ee", "dc-environment", "staging")))));

        assertThat(stack.check(TagRules.launchedInstancesTagged()))
                .extracting(Violation::ruleId, Violation::problem)
                .containsExactly(tuple("EE-TAG-2", "tagSpecifications for volume: no tagSpecifications entry"));
    }

    @Test
    void everyTypeInTheProgramIsClassified() {
        assertThat(stack.check(TagRules.everyTypeClassified())).isEmpty();
    }

    @Test
    void anUnclassifiedAwsTypeIsReported() {
        stack.add(Res.of("aws:gamelift/fleet:Fleet", "games"));

        assertThat(stack.check(TagRules.everyTypeClassified()))
                .extracting(Violation::ruleId, Violation::resourceName)
                .containsExactly(tuple("EE-TAG-3", "games"));
    }
}
