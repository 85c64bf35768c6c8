package org.democracyclub.ee.infra.preview;

import java.util.List;
import java.util.Map;

/**
 * The properties the text preview shows for each resource type: the ones a reviewer checks.
 * The JSON preview has every input.
 */
final class KeyProperties {
    private static final Map<String, List<String>> BY_TYPE = Map.ofEntries(
            Map.entry("pulumi:providers:aws", List.of("region", "defaultTags")),
            Map.entry("aws:ec2/securityGroup:SecurityGroup", List.of("name", "namePrefix", "vpcId")),
            Map.entry("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
                    List.of("securityGroupId", "ipProtocol", "fromPort", "toPort", "prefixListId",
                            "referencedSecurityGroupId", "cidrIpv4", "cidrIpv6")),
            Map.entry("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
                    List.of("securityGroupId", "ipProtocol", "fromPort", "toPort", "referencedSecurityGroupId",
                            "cidrIpv4")),
            Map.entry("aws:lb/loadBalancer:LoadBalancer",
                    List.of("name", "internal", "dropInvalidHeaderFields", "enableDeletionProtection", "subnets")),
            Map.entry("aws:lb/targetGroup:TargetGroup",
                    List.of("name", "protocol", "port", "deregistrationDelay", "healthCheck")),
            Map.entry("aws:lb/listener:Listener", List.of("protocol", "port", "sslPolicy", "certificateArn",
                    "defaultActions.0.fixedResponse", "defaultActions.0.redirect")),
            Map.entry("aws:lb/listenerRule:ListenerRule", List.of("priority", "conditions.0.httpHeader", "actions.0.type")),
            Map.entry("aws:iam/role:Role", List.of("name", "managedPolicyArns", "permissionsBoundary")),
            Map.entry("aws:iam/rolePolicy:RolePolicy", List.of("role", "policy")),
            Map.entry("aws:iam/instanceProfile:InstanceProfile", List.of("name", "role")),
            Map.entry("aws:ec2/launchTemplate:LaunchTemplate",
                    List.of("name", "imageId", "instanceType", "metadataOptions.httpTokens", "blockDeviceMappings.0.ebs")),
            Map.entry("aws:autoscaling/group:Group",
                    List.of("name", "minSize", "desiredCapacity", "maxSize", "healthCheckType", "healthCheckGracePeriod")),
            Map.entry("aws:codedeploy/application:Application", List.of("name", "computePlatform")),
            Map.entry("aws:codedeploy/deploymentGroup:DeploymentGroup",
                    List.of("deploymentGroupName", "deploymentStyle", "autoscalingGroups",
                            "blueGreenDeploymentConfig.greenFleetProvisioningOption.action",
                            "blueGreenDeploymentConfig.terminateBlueInstancesOnDeploymentSuccess",
                            "autoRollbackConfiguration")),
            Map.entry("aws:cloudfront/cachePolicy:CachePolicy", List.of("name", "defaultTtl", "minTtl", "maxTtl",
                    "parametersInCacheKeyAndForwardedToOrigin.headersConfig.headers.items")),
            Map.entry("aws:cloudfront/distribution:Distribution",
                    List.of("aliases", "priceClass", "httpVersion", "viewerCertificate.acmCertificateArn",
                            "viewerCertificate.minimumProtocolVersion", "defaultCacheBehavior.viewerProtocolPolicy",
                            "orderedCacheBehaviors.0.pathPattern", "orderedCacheBehaviors.1.pathPattern",
                            "orderedCacheBehaviors.2.pathPattern", "origins.0.domainName",
                            "origins.0.customOriginConfig.originProtocolPolicy", "origins.0.customHeaders")),
            Map.entry("aws:acm/certificate:Certificate",
                    List.of("domainName", "subjectAlternativeNames", "validationMethod")),
            Map.entry("aws:acm/certificateValidation:CertificateValidation",
                    List.of("certificateArn", "validationRecordFqdns")),
            Map.entry("aws:route53/record:Record", List.of("name", "type", "aliases.0.name", "records")),
            Map.entry("aws:ssm/parameter:Parameter", List.of("name", "type", "dataType")),
            Map.entry("aws:iam/rolePolicyAttachment:RolePolicyAttachment", List.of("policyArn")),
            Map.entry("aws:iam/policy:Policy", List.of("name", "policy")),
            Map.entry("aws:iam/openIdConnectProvider:OpenIdConnectProvider", List.of("url", "clientIdLists")),
            Map.entry("aws:s3/bucketV2:BucketV2", List.of("bucket")),
            Map.entry("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
                    List.of("blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets")),
            Map.entry("aws:kms/key:Key", List.of("description", "enableKeyRotation")),
            Map.entry("aws:kms/alias:Alias", List.of("name")),
            Map.entry("aws:imagebuilder/component:Component", List.of("name", "version", "platform")),
            Map.entry("aws:imagebuilder/imageRecipe:ImageRecipe",
                    List.of("name", "version", "parentImage", "components", "blockDeviceMappings.0.ebs")),
            Map.entry("aws:imagebuilder/infrastructureConfiguration:InfrastructureConfiguration",
                    List.of("name", "instanceTypes", "terminateInstanceOnFailure")),
            Map.entry("aws:imagebuilder/distributionConfiguration:DistributionConfiguration",
                    List.of("name", "distributions.0.amiDistributionConfiguration.name",
                            "distributions.0.amiDistributionConfiguration.launchPermission",
                            "distributions.0.ssmParameterConfigurations")),
            Map.entry("aws:imagebuilder/imagePipeline:ImagePipeline", List.of("name", "schedule", "imageTestsConfiguration")),
            // Operations (docs/operations.md); the schedules also get their own table.
            Map.entry("aws:scheduler/schedule:Schedule", List.of("name", "scheduleExpression",
                    "scheduleExpressionTimezone", "target.arn", "target.input")),
            Map.entry("aws:cloudwatch/eventRule:EventRule", List.of("name", "eventPattern")),
            Map.entry("aws:cloudwatch/eventTarget:EventTarget", List.of("arn", "input")),
            Map.entry("aws:cloudwatch/metricAlarm:MetricAlarm", List.of("name", "metricName", "statistic", "period",
                    "evaluationPeriods", "comparisonOperator", "threshold", "dimensions")),
            Map.entry("aws:cloudwatch/logGroup:LogGroup", List.of("name", "retentionInDays")),
            Map.entry("aws:ssm/document:Document", List.of("name", "documentType", "documentFormat")),
            Map.entry("aws:sns/topicSubscription:TopicSubscription", List.of("protocol", "endpoint")),
            Map.entry("aws:sns/topicPolicy:TopicPolicy", List.of("policy")),
            Map.entry("aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2", List.of("rules")));

    private KeyProperties() {
    }

    /** The paths to show for {@code type}; unknown types show their top-level names. */
    static List<String> of(String type, Map<String, Object> inputs) {
        return BY_TYPE.getOrDefault(type, inputs.keySet().stream().filter(k -> k.equals("name")).toList());
    }
}
