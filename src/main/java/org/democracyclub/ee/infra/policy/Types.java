package org.democracyclub.ee.infra.policy;

/** The Pulumi type tokens the rules name (pulumi-aws 6.x), in one place. */
public final class Types {
    public static final String AWS_PROVIDER = "pulumi:providers:aws";
    public static final String STACK = "pulumi:pulumi:Stack";

    public static final String LAUNCH_TEMPLATE = "aws:ec2/launchTemplate:LaunchTemplate";
    public static final String INSTANCE = "aws:ec2/instance:Instance";
    public static final String SECURITY_GROUP = "aws:ec2/securityGroup:SecurityGroup";
    public static final String SECURITY_GROUP_RULE = "aws:ec2/securityGroupRule:SecurityGroupRule";
    public static final String INGRESS_RULE = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
    public static final String EGRESS_RULE = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";

    public static final String LOAD_BALANCER = "aws:lb/loadBalancer:LoadBalancer";
    public static final String ALB_LOAD_BALANCER = "aws:alb/loadBalancer:LoadBalancer";
    public static final String TARGET_GROUP = "aws:lb/targetGroup:TargetGroup";
    public static final String ALB_TARGET_GROUP = "aws:alb/targetGroup:TargetGroup";

    public static final String DISTRIBUTION = "aws:cloudfront/distribution:Distribution";
    public static final String CACHE_POLICY = "aws:cloudfront/cachePolicy:CachePolicy";
    public static final String LISTENER = "aws:lb/listener:Listener";
    public static final String ALB_LISTENER = "aws:alb/listener:Listener";

    public static final String IAM_ROLE = "aws:iam/role:Role";
    public static final String IAM_ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";
    public static final String IAM_POLICY = "aws:iam/policy:Policy";
    public static final String IAM_USER_POLICY = "aws:iam/userPolicy:UserPolicy";
    public static final String IAM_GROUP_POLICY = "aws:iam/groupPolicy:GroupPolicy";
    public static final String IAM_ROLE_POLICY_ATTACHMENT = "aws:iam/rolePolicyAttachment:RolePolicyAttachment";
    public static final String IAM_USER_POLICY_ATTACHMENT = "aws:iam/userPolicyAttachment:UserPolicyAttachment";
    public static final String IAM_GROUP_POLICY_ATTACHMENT = "aws:iam/groupPolicyAttachment:GroupPolicyAttachment";
    public static final String IAM_POLICY_ATTACHMENT = "aws:iam/policyAttachment:PolicyAttachment";
    public static final String IAM_ACCESS_KEY = "aws:iam/accessKey:AccessKey";

    public static final String DEPLOYMENT_GROUP = "aws:codedeploy/deploymentGroup:DeploymentGroup";

    public static final String IB_INFRASTRUCTURE =
            "aws:imagebuilder/infrastructureConfiguration:InfrastructureConfiguration";
    public static final String IB_DISTRIBUTION =
            "aws:imagebuilder/distributionConfiguration:DistributionConfiguration";
    public static final String IB_PIPELINE = "aws:imagebuilder/imagePipeline:ImagePipeline";
    public static final String IB_RECIPE = "aws:imagebuilder/imageRecipe:ImageRecipe";

    public static final String AUTOSCALING_GROUP = "aws:autoscaling/group:Group";

    private Types() {
    }
}
