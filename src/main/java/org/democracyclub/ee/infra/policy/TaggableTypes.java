package org.democracyclub.ee.infra.policy;

import java.util.Set;

/**
 * Which AWS resource types carry tags, for EE-TAG-1. One list, checked against the pulumi-aws
 * 6.83.0 SDK by {@code TaggableTypesTest} (a resource class with {@code tagsAll()} takes the
 * provider's default tags; one with only {@code tags()} must be tagged itself; one with neither
 * cannot be tagged). Extend it when the program declares a new type: EE-TAG-3 reports any AWS
 * type missing from all three sets, so a new type is never silently left untagged.
 */
public final class TaggableTypes {

    /** Types with {@code tags} and {@code tagsAll}: the provider's {@code defaultTags} reach them. */
    public static final Set<String> WITH_DEFAULT_TAGS = Set.of(
            "aws:ec2/launchTemplate:LaunchTemplate",
            "aws:ec2/instance:Instance",
            "aws:ec2/securityGroup:SecurityGroup",
            "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
            "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
            "aws:ec2/vpcEndpoint:VpcEndpoint",
            "aws:ec2/eip:Eip",
            "aws:lb/loadBalancer:LoadBalancer",
            "aws:lb/listener:Listener",
            "aws:lb/listenerRule:ListenerRule",
            "aws:lb/targetGroup:TargetGroup",
            "aws:alb/loadBalancer:LoadBalancer",
            "aws:alb/listener:Listener",
            "aws:alb/listenerRule:ListenerRule",
            "aws:alb/targetGroup:TargetGroup",
            "aws:iam/role:Role",
            "aws:iam/policy:Policy",
            "aws:iam/instanceProfile:InstanceProfile",
            "aws:iam/user:User",
            "aws:iam/openIdConnectProvider:OpenIdConnectProvider",
            "aws:codedeploy/application:Application",
            "aws:codedeploy/deploymentGroup:DeploymentGroup",
            "aws:cloudfront/distribution:Distribution",
            "aws:route53/zone:Zone",
            "aws:route53/healthCheck:HealthCheck",
            "aws:ssm/parameter:Parameter",
            "aws:ssm/document:Document",
            "aws:ssm/association:Association",
            "aws:imagebuilder/component:Component",
            "aws:imagebuilder/imageRecipe:ImageRecipe",
            "aws:imagebuilder/infrastructureConfiguration:InfrastructureConfiguration",
            "aws:imagebuilder/distributionConfiguration:DistributionConfiguration",
            "aws:imagebuilder/imagePipeline:ImagePipeline",
            "aws:imagebuilder/image:Image",
            "aws:imagebuilder/workflow:Workflow",
            "aws:imagebuilder/lifecyclePolicy:LifecyclePolicy",
            "aws:cloudwatch/logGroup:LogGroup",
            "aws:cloudwatch/metricAlarm:MetricAlarm",
            "aws:cloudwatch/eventRule:EventRule",
            "aws:acm/certificate:Certificate",
            "aws:s3/bucketV2:BucketV2",
            "aws:sns/topic:Topic",
            "aws:sqs/queue:Queue",
            "aws:kms/key:Key",
            "aws:secretsmanager/secret:Secret",
            "aws:wafv2/webAcl:WebAcl");

    /**
     * Taggable, but the provider's default tags do not reach them: an Auto Scaling group's
     * {@code tags} is a list of {key, value, propagateAtLaunch} and it has no {@code tagsAll}.
     */
    public static final Set<String> OWN_TAGS_ONLY = Set.of(
            "aws:autoscaling/group:Group");

    /** Types with no tags at all in AWS (attachments, rules inside other resources, DNS records, ...). */
    public static final Set<String> NOT_TAGGABLE = Set.of(
            "aws:s3/bucketVersioningV2:BucketVersioningV2",
            "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
            "aws:s3/bucketOwnershipControls:BucketOwnershipControls",
            "aws:ec2/securityGroupRule:SecurityGroupRule",
            "aws:ec2/tag:Tag",
            "aws:lb/targetGroupAttachment:TargetGroupAttachment",
            "aws:lb/listenerCertificate:ListenerCertificate",
            "aws:autoscaling/attachment:Attachment",
            "aws:autoscaling/lifecycleHook:LifecycleHook",
            "aws:autoscaling/policy:Policy",
            "aws:iam/rolePolicy:RolePolicy",
            "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
            "aws:iam/userPolicy:UserPolicy",
            "aws:iam/userPolicyAttachment:UserPolicyAttachment",
            "aws:iam/groupPolicy:GroupPolicy",
            "aws:iam/groupPolicyAttachment:GroupPolicyAttachment",
            "aws:iam/policyAttachment:PolicyAttachment",
            "aws:iam/accessKey:AccessKey",
            "aws:iam/rolePoliciesExclusive:RolePoliciesExclusive",
            "aws:iam/rolePolicyAttachmentsExclusive:RolePolicyAttachmentsExclusive",
            "aws:codedeploy/deploymentConfig:DeploymentConfig",
            "aws:cloudfront/cachePolicy:CachePolicy",
            "aws:cloudfront/originRequestPolicy:OriginRequestPolicy",
            "aws:cloudfront/responseHeadersPolicy:ResponseHeadersPolicy",
            "aws:cloudfront/function:Function",
            "aws:cloudfront/originAccessControl:OriginAccessControl",
            "aws:route53/record:Record",
            "aws:acm/certificateValidation:CertificateValidation",
            "aws:cloudwatch/eventTarget:EventTarget",
            "aws:cloudwatch/dashboard:Dashboard",
            "aws:s3/bucketPolicy:BucketPolicy",
            "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
            "aws:sns/topicSubscription:TopicSubscription",
            "aws:kms/alias:Alias",
            "aws:secretsmanager/secretVersion:SecretVersion",
            "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2");

    private TaggableTypes() {
    }

    /** Whether EE-TAG-1 knows what to do with this type (non-AWS types are out of scope). */
    public static boolean isClassified(String type) {
        return !isAws(type) || WITH_DEFAULT_TAGS.contains(type) || OWN_TAGS_ONLY.contains(type)
                || NOT_TAGGABLE.contains(type);
    }

    /** AWS resources, not the provider itself ({@code pulumi:providers:aws}) or component resources. */
    public static boolean isAws(String type) {
        return type.startsWith("aws:");
    }
}
