package org.democracyclub.ee.infra.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.democracyclub.ee.common.StackOutputs;
import org.democracyclub.ee.infra.policy.DeclaredResource;
import org.democracyclub.ee.infra.preview.OfflineRun;
import org.democracyclub.ee.infra.program.Stacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What each stack declares, checked on the properties that matter. */
class PlatformIT {
    private static final String SG_INGRESS = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
    private static final String SG_EGRESS = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";
    private static final String LAUNCH_TEMPLATE = "aws:ec2/launchTemplate:LaunchTemplate";
    private static final String GROUP = "aws:autoscaling/group:Group";
    private static final String DEPLOYMENT_GROUP = "aws:codedeploy/deploymentGroup:DeploymentGroup";
    private static final String DISTRIBUTION = "aws:cloudfront/distribution:Distribution";

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return (List<Object>) value;
    }

    @Test
    void productionLaunchesLargeInstancesTwoToFour() {
        OfflineRun run = Stacks.run("production");
        assertThat(run.get(LAUNCH_TEMPLATE, "ee-launch-template").at("instanceType")).isEqualTo("t3a.large");
        DeclaredResource fleet = run.get(GROUP, "ee-asg");
        assertThat(List.of(fleet.at("minSize"), fleet.at("desiredCapacity"), fleet.at("maxSize")))
                .containsExactly(2.0, 2.0, 4.0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"development", "staging"})
    void otherStacksLaunchOneMediumInstance(String stack) {
        OfflineRun run = Stacks.run(stack);
        assertThat(run.get(LAUNCH_TEMPLATE, "ee-launch-template").at("instanceType")).isEqualTo("t3a.medium");
        assertThat(run.get(GROUP, "ee-asg").at("desiredCapacity")).isEqualTo(1.0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"development", "staging", "production"})
    void instancesRequireImdsV2AndBootFromAnEncryptedGp3Volume(String stack) {
        DeclaredResource template = Stacks.run(stack).get(LAUNCH_TEMPLATE, "ee-launch-template");
        assertThat(template.at("metadataOptions.httpTokens")).isEqualTo("required");
        assertThat(template.at("blockDeviceMappings.0.ebs")).isEqualTo(Map.of(
                "volumeType", "gp3", "volumeSize", 20.0, "iops", 6000.0, "encrypted", "true",
                "deleteOnTermination", "true"));
        assertThat(template.at("imageId")).isEqualTo("resolve:ssm:/ee/golden-image/ami-id");
        assertThat(template.at("vpcSecurityGroupIds")).isEqualTo(List.of("ee-instance-sg-id"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"development", "staging", "production"})
    void theLoadBalancerIsReachableOnlyFromCloudFrontAndTheInstancesOnlyFromIt(String stack) {
        OfflineRun run = Stacks.run(stack);
        List<Map<String, Object>> ingress = run.ofType(SG_INGRESS).stream().map(DeclaredResource::inputs).toList();
        assertThat(ingress).hasSize(2);
        assertThat(ingress).anySatisfy(rule -> assertThat(rule).containsEntry("securityGroupId", "ee-alb-sg-id")
                .containsEntry("prefixListId", "pl-93a247fa").containsEntry("fromPort", 443.0)
                .containsEntry("toPort", 443.0).doesNotContainKeys("cidrIpv4", "cidrIpv6"));
        assertThat(ingress).anySatisfy(rule -> assertThat(rule).containsEntry("securityGroupId", "ee-instance-sg-id")
                .containsEntry("referencedSecurityGroupId", "ee-alb-sg-id").containsEntry("fromPort", 8001.0)
                .containsEntry("toPort", 8001.0));
        assertThat(ingress.stream().filter(rule -> rule.containsKey("prefixListId"))).hasSize(1);
        assertThat(run.ofType(SG_EGRESS).stream().map(DeclaredResource::inputs))
                .anySatisfy(rule -> assertThat(rule).containsEntry("securityGroupId", "ee-alb-sg-id")
                        .containsEntry("referencedSecurityGroupId", "ee-instance-sg-id").containsEntry("toPort", 8001.0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"development", "staging", "production"})
    void theListenerForwardsOnlyRequestsCarryingTheOriginSecret(String stack) {
        OfflineRun run = Stacks.run(stack);
        DeclaredResource listener = run.get("aws:lb/listener:Listener", "ee-lb-https");
        assertThat(listener.at("defaultActions.0.fixedResponse.statusCode")).isEqualTo("403");
        DeclaredResource rule = run.get("aws:lb/listenerRule:ListenerRule", "ee-lb-from-cloudfront");
        assertThat(rule.at("listenerArn")).isEqualTo(run.computedFor(listener).get("arn"));
        assertThat(rule.at("conditions.0.httpHeader.httpHeaderName")).isEqualTo("X-Origin-Verify");
        assertThat(rule.at("conditions.0.httpHeader.values")).isEqualTo(
                Stacks.settings(stack).originVerifySecret().accepted());
        assertThat(rule.at("actions.0.type")).isEqualTo("forward");
        assertThat(run.get(DISTRIBUTION, "ee-cdn").at("origins.0.customHeaders.0.name")).isEqualTo("X-Origin-Verify");
    }

    @ParameterizedTest
    @ValueSource(strings = {"development", "staging", "production"})
    void theTargetGroupHealthChecksGunicornOnItsPort(String stack) {
        DeclaredResource targetGroup = Stacks.run(stack).get("aws:lb/targetGroup:TargetGroup", "ee-alb-tg");
        assertThat(targetGroup.at("port")).isEqualTo(8001.0);
        assertThat(targetGroup.at("deregistrationDelay")).isEqualTo(5.0);
        assertThat(targetGroup.at("healthCheck.path")).isEqualTo("/");
        assertThat(targetGroup.at("healthCheck.matcher")).isEqualTo("200");
        assertThat(targetGroup.at("healthCheck.interval")).isEqualTo(10.0);
    }

    @Test
    void onlyProductionProtectsTheLoadBalancerFromDeletion() {
        String lb = "aws:lb/loadBalancer:LoadBalancer";
        assertThat(Stacks.run("production").get(lb, "ee-alb").at("enableDeletionProtection")).isEqualTo(true);
        assertThat(Stacks.run("staging").get(lb, "ee-alb").at("enableDeletionProtection")).isEqualTo(false);
        assertThat(Stacks.run("staging").get(lb, "ee-alb").at("dropInvalidHeaderFields")).isEqualTo(true);
    }

    @ParameterizedTest
    @ValueSource(strings = {"development", "staging", "production"})
    void theDeploymentGroupIsBlueGreenAndRollsBackFailures(String stack) {
        DeclaredResource group = Stacks.run(stack).get(DEPLOYMENT_GROUP, "EEDefaultDeploymentGroup");
        assertThat(group.at("deploymentStyle")).isEqualTo(Map.of(
                "deploymentType", "BLUE_GREEN", "deploymentOption", "WITH_TRAFFIC_CONTROL"));
        assertThat(group.at("blueGreenDeploymentConfig.greenFleetProvisioningOption.action"))
                .isEqualTo("COPY_AUTO_SCALING_GROUP");
        assertThat(group.at("blueGreenDeploymentConfig.deploymentReadyOption.actionOnTimeout"))
                .isEqualTo("CONTINUE_DEPLOYMENT");
        assertThat(group.at("blueGreenDeploymentConfig.terminateBlueInstancesOnDeploymentSuccess")).isEqualTo(
                Map.of("action", "TERMINATE", "terminationWaitTimeInMinutes", 5.0));
        assertThat(group.at("autoRollbackConfiguration.enabled")).isEqualTo(true);
        assertThat(list(group.at("autoRollbackConfiguration.events"))).contains("DEPLOYMENT_FAILURE");
        assertThat(group.at("loadBalancerInfo.targetGroupInfos.0.name")).isEqualTo("ee-alb-tg");
    }

    @ParameterizedTest
    @ValueSource(strings = {"development", "staging", "production"})
    void cloudFrontServesTheSiteOverModernTlsWithTheUsEast1Certificate(String stack) {
        DeclaredResource cdn = Stacks.run(stack).get(DISTRIBUTION, "ee-cdn");
        assertThat(cdn.at("aliases")).isEqualTo(List.of("elections.example.org.uk"));
        assertThat(cdn.at("priceClass")).isEqualTo("PriceClass_100");
        assertThat(cdn.at("httpVersion")).isEqualTo("http2and3");
        assertThat(cdn.at("isIpv6Enabled")).isEqualTo(true);
        assertThat(cdn.at("viewerCertificate.minimumProtocolVersion")).isEqualTo("TLSv1.2_2021");
        assertThat((String) cdn.at("viewerCertificate.acmCertificateArn")).startsWith("arn:aws:acm:us-east-1:");
        assertThat(cdn.at("defaultCacheBehavior.viewerProtocolPolicy")).isEqualTo("redirect-to-https");
        assertThat(list(cdn.at("defaultCacheBehavior.allowedMethods"))).hasSize(7);
        assertThat(cdn.at("defaultCacheBehavior.compress")).isEqualTo(true);
        assertThat(cdn.at("orderedCacheBehaviors.0.pathPattern")).isEqualTo("/static/*");
        assertThat(cdn.at("orderedCacheBehaviors.0.viewerProtocolPolicy")).isEqualTo("redirect-to-https");
        assertThat(cdn.at("origins.0.customOriginConfig.originProtocolPolicy")).isEqualTo("https-only");
    }

    @Test
    void pagesAreCachedTenMinutesAndStaticFilesTwoThousandDays() {
        OfflineRun run = Stacks.run("production");
        String policy = "aws:cloudfront/cachePolicy:CachePolicy";
        DeclaredResource pages = run.get(policy, "ee-cdn-pages");
        assertThat(List.of(pages.at("defaultTtl"), pages.at("minTtl"), pages.at("maxTtl")))
                .containsExactly(600.0, 0.0, 7200.0);
        assertThat(pages.at("parametersInCacheKeyAndForwardedToOrigin.headersConfig.headers.items")).isEqualTo(
                List.of("x-csrfmiddlewaretoken", "Accept", "Accept-Language", "Authorization", "Cache-Control", "Referer"));
        assertThat(pages.at("parametersInCacheKeyAndForwardedToOrigin.cookiesConfig.cookieBehavior")).isEqualTo("all");
        assertThat(pages.at("parametersInCacheKeyAndForwardedToOrigin.enableAcceptEncodingBrotli")).isEqualTo(true);
        DeclaredResource statics = run.get(policy, "ee-cdn-static");
        assertThat(List.of(statics.at("defaultTtl"), statics.at("minTtl"), statics.at("maxTtl")))
                .containsExactly(2000 * 86400.0, 60.0, 2000 * 86400.0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"development", "staging", "production"})
    void theSiteNameAliasesTheDistributionForIpv4AndIpv6(String stack) {
        OfflineRun run = Stacks.run(stack);
        var records = List.of(run.get("aws:route53/record:Record", "ee-cdn-a"), run.get("aws:route53/record:Record", "ee-cdn-aaaa"));
        assertThat(records).extracting(r -> r.at("type")).containsExactly("A", "AAAA");
        assertThat(records).allSatisfy(r -> {
            assertThat(r.at("name")).isEqualTo("elections.example.org.uk");
            assertThat(r.at("zoneId")).isEqualTo("Z0123456789ABCDEFGHIJ");
            assertThat(r.at("aliases.0.name")).isEqualTo("d111111abcdef8.cloudfront.net");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"development", "staging", "production"})
    void everyResourceIsTaggedThroughTheProviderAndTheFleetCarriesTheTagsToo(String stack) {
        OfflineRun run = Stacks.run(stack);
        DeclaredResource provider = run.get("pulumi:providers:aws", "aws-" + stack);
        assertThat((String) provider.at("defaultTags")).contains("\"dc-product\":\"ee\"")
                .contains("\"dc-environment\":\"" + stack + "\"");
        assertThat(list(run.get(GROUP, "ee-asg").at("tags"))).contains(
                Map.of("key", "dc-product", "value", "ee", "propagateAtLaunch", false),
                Map.of("key", "dc-environment", "value", stack, "propagateAtLaunch", false));
        assertThat(list(run.get(LAUNCH_TEMPLATE, "ee-launch-template").at("tagSpecifications"))).containsExactly(
                Map.of("resourceType", "instance", "tags", Map.of("dc-product", "ee", "dc-environment", stack)),
                Map.of("resourceType", "volume", "tags", Map.of("dc-product", "ee", "dc-environment", stack)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"development", "staging", "production"})
    void theServiceRoleMayPassOnlyTheInstanceRole(String stack) throws Exception {
        DeclaredResource policy = Stacks.run(stack).get("aws:iam/rolePolicy:RolePolicy", "ee-iam-launch-template-fleet");
        JsonNode statements = new ObjectMapper().readTree((String) policy.at("policy")).get("Statement");
        assertThat(statements.toString()).doesNotContain("\"Action\":\"*\"");
        assertThat(statements.findValues("Action").toString()).contains("iam:PassRole");
        assertThat(statements.get(1).get("Resource").get(0).asText())
                .isEqualTo("arn:aws:iam::123456789012:role/CodeDeployEC2InstanceProfile");
    }

    @ParameterizedTest
    @ValueSource(strings = {"development", "staging", "production"})
    void theStackExportsTheDeployerContractAndWritesItToSsm(String stack) throws Exception {
        OfflineRun run = Stacks.run(stack);
        assertThat(run.outputs()).containsKeys(StackOutputs.REQUIRED_KEYS.toArray(String[]::new));
        assertThat(run.outputs()).containsEntry(StackOutputs.ENVIRONMENT, stack)
                .containsEntry(StackOutputs.APPLICATION_NAME, "EECodeDeploy")
                .containsEntry(StackOutputs.DEPLOYMENT_GROUP_NAME, "EEDefaultDeploymentGroup")
                .containsEntry(StackOutputs.URL, "https://elections.example.org.uk")
                .containsEntry(StackOutputs.REVISION_BUCKET, "ee-revisions-123456789012-eu-west-2");
        DeclaredResource parameter = run.get("aws:ssm/parameter:Parameter", "ee-deployer-stack-outputs");
        assertThat(parameter.at("name")).isEqualTo(StackOutputs.SSM_PARAMETER);
        JsonNode written = new ObjectMapper().readTree((String) parameter.at("value"));
        for (String key : StackOutputs.REQUIRED_KEYS) {
            assertThat(written.get(key).asText()).as(key).isEqualTo(String.valueOf(run.outputs().get(key)));
        }
        assertThat(written.get(StackOutputs.MIN_SIZE).isNumber()).isTrue();
    }
}
