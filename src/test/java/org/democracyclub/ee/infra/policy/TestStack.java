package org.democracyclub.ee.infra.policy;

import static org.democracyclub.ee.infra.policy.Res.list;
import static org.democracyclub.ee.infra.policy.Res.obj;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A stack shaped like the EveryElection program that complies with every rule; tests break one
 * thing in it and check that exactly the expected rule notices.
 */
final class TestStack {
    static final String INSTANCE_ROLE_ARN = "arn:aws:iam::123456789012:role/CodeDeployEC2InstanceProfile";
    static final String CERTIFICATE_ARN = "arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d";
    static final String ORIGIN_CERTIFICATE_ARN = "arn:aws:acm:eu-west-2:123456789012:certificate/4e5f6a7b";

    final String environment;
    private final Map<String, Res> resources = new LinkedHashMap<>();
    final List<StackOutput> outputs = new ArrayList<>();
    final List<ConfigEntry> config = new ArrayList<>();
    final Suppressions suppressions = new Suppressions();

    private TestStack(String environment) {
        this.environment = environment;
    }

    static TestStack empty(String environment) {
        return new TestStack(environment);
    }

    static TestStack compliant(String environment) {
        TestStack s = new TestStack(environment);
        s.add(Res.of(Types.AWS_PROVIDER, "aws-" + environment)
                // Provider object inputs arrive as JSON text (defaultTags is json=true in pulumi-aws).
                .set("defaultTags", "{\"tags\":{\"dc-product\":\"ee\",\"dc-environment\":\"" + environment + "\"}}")
                .set("region", "eu-west-2"));

        s.add(Res.of(Types.SECURITY_GROUP, "ee-alb-sg").set("description", "load balancer"));
        s.add(Res.of(Types.SECURITY_GROUP, "ee-instance-sg").set("description", "instances"));
        s.add(Res.of(Types.INGRESS_RULE, "ee-alb-from-cloudfront")
                .set("securityGroupId", "ee-alb-sg-id").set("prefixListId", "pl-93a247fa")
                .set("ipProtocol", "tcp").set("fromPort", 80).set("toPort", 80));
        s.add(Res.of(Types.INGRESS_RULE, "ee-instance-from-alb")
                .set("securityGroupId", "ee-instance-sg-id").set("referencedSecurityGroupId", "ee-alb-sg-id")
                .set("ipProtocol", "tcp").set("fromPort", 8001).set("toPort", 8001));
        s.add(Res.of(Types.EGRESS_RULE, "ee-instance-egress")
                .set("securityGroupId", "ee-instance-sg-id").set("cidrIpv4", "0.0.0.0/0").set("ipProtocol", "-1"));

        Map<String, Object> tags = obj("dc-product", "ee", "dc-environment", environment);
        s.add(Res.of(Types.LAUNCH_TEMPLATE, "ee-launch-template")
                .set("imageId", "resolve:ssm:/ee/ami")
                .set("metadataOptions", obj("httpTokens", "required", "httpEndpoint", "enabled"))
                .set("blockDeviceMappings", list(obj("deviceName", "/dev/xvda",
                        "ebs", obj("encrypted", "true", "volumeType", "gp3", "volumeSize", 20, "iops", 6000.0))))
                .set("vpcSecurityGroupIds", list("ee-instance-sg-id"))
                .set("tagSpecifications", list(obj("resourceType", "instance", "tags", tags),
                        obj("resourceType", "volume", "tags", tags))));

        s.add(Res.of(Types.LOAD_BALANCER, "ee-alb")
                .set("loadBalancerType", "application").set("securityGroups", list("ee-alb-sg-id"))
                .set("dropInvalidHeaderFields", true).set("enableDeletionProtection", true));
        s.add(Res.of(Types.TARGET_GROUP, "ee-alb-tg").set("port", 8001).set("protocol", "HTTP")
                .set("healthCheck", obj("enabled", true, "path", "/", "matcher", "200")));
        s.add(Res.of("aws:lb/listener:Listener", "ee-alb-listener").set("port", 443).set("protocol", "HTTPS")
                .set("sslPolicy", "ELBSecurityPolicy-TLS13-1-2-2021-06").set("certificateArn", ORIGIN_CERTIFICATE_ARN)
                .set("defaultActions", list(obj("type", "fixed-response", "fixedResponse", obj("statusCode", "403")))));
        s.add(Res.of("aws:lb/listener:Listener", "ee-alb-http").set("port", 80).set("protocol", "HTTP")
                .set("defaultActions", list(obj("type", "redirect",
                        "redirect", obj("protocol", "HTTPS", "port", "443", "statusCode", "HTTP_301")))));
        s.add(Res.of("aws:lb/listenerRule:ListenerRule", "ee-alb-origin-header").set("priority", 1));
        s.add(Res.of(Types.AUTOSCALING_GROUP, "ee-fleet").set("minSize", 1).set("tags", list(
                obj("key", "dc-product", "value", "ee", "propagateAtLaunch", true),
                obj("key", "dc-environment", "value", environment, "propagateAtLaunch", true))));

        s.add(Res.of(Types.DISTRIBUTION, "ee-distribution")
                .set("defaultCacheBehavior", obj("viewerProtocolPolicy", "redirect-to-https", "compress", true,
                        "cachePolicyId", "ee-pages-id"))
                .set("orderedCacheBehaviors", list(obj("pathPattern", "/static/*",
                        "viewerProtocolPolicy", "redirect-to-https", "compress", true)))
                .set("viewerCertificate", obj("acmCertificateArn", CERTIFICATE_ARN,
                        "minimumProtocolVersion", "TLSv1.2_2021", "sslSupportMethod", "sni-only"))
                .set("aliases", list("ee.example"))
                .set("origins", list(obj("originId", "ee-alb", "domainName", "origin.ee.example",
                        "customOriginConfig", obj("originProtocolPolicy", "https-only", "httpPort", 80, "httpsPort", 443,
                                "originSslProtocols", list("TLSv1.2")),
                        "customHeaders", list(obj("name", "X-Forwarded-Host", "value", "ee.example"),
                                obj("name", "X-Forwarded-Proto", "value", "https"))))));
        s.add(Res.of(Types.CACHE_POLICY, "ee-pages").set("minTtl", 0).set("defaultTtl", 600).set("maxTtl", 7200)
                .set("parametersInCacheKeyAndForwardedToOrigin", obj("enableAcceptEncodingGzip", true,
                        "headersConfig", obj("headerBehavior", "whitelist", "headers", obj("items", list("Authorization"))),
                        "cookiesConfig", obj("cookieBehavior", "all"),
                        "queryStringsConfig", obj("queryStringBehavior", "all"))));
        s.add(Res.of("aws:route53/record:Record", "ee-a-record").set("type", "A"));

        s.add(Res.of(Types.IAM_ROLE, "CodeDeployEC2InstanceProfile")
                .set("assumeRolePolicy", trust("ec2.amazonaws.com"))
                .set("managedPolicyArns", list("arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore")));
        s.add(Res.of("aws:iam/instanceProfile:InstanceProfile", "ee-instance-profile")
                .set("role", "CodeDeployEC2InstanceProfile"));
        s.add(Res.of(Types.IAM_ROLE_POLICY, "ee-instance-ssm-read").set("policy",
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"ssm:GetParameter\","
                        + "\"ssm:GetParameters\"],\"Resource\":\"arn:aws:ssm:eu-west-2:123456789012:parameter/ee/*\"}]}"));
        s.add(Res.of(Types.IAM_ROLE, "CodeDeployServiceRole").set("assumeRolePolicy", trust("codedeploy.amazonaws.com")));
        s.add(Res.of(Types.IAM_ROLE_POLICY_ATTACHMENT, "ee-codedeploy-managed")
                .set("policyArn", "arn:aws:iam::aws:policy/service-role/AWSCodeDeployRole"));
        s.add(Res.of(Types.IAM_ROLE_POLICY, "ee-codedeploy-blue-green").set("policy",
                "{\"Version\":\"2012-10-17\",\"Statement\":["
                        + "{\"Sid\":\"Launch\",\"Effect\":\"Allow\",\"Action\":[\"ec2:RunInstances\",\"ec2:CreateTags\"],"
                        + "\"Resource\":\"*\"},"
                        + "{\"Sid\":\"PassInstanceRole\",\"Effect\":\"Allow\",\"Action\":\"iam:PassRole\","
                        + "\"Resource\":\"" + INSTANCE_ROLE_ARN + "\"}]}"));

        s.add(Res.of("aws:codedeploy/application:Application", "EECodeDeploy").set("computePlatform", "Server"));
        s.add(Res.of(Types.DEPLOYMENT_GROUP, "EEDefaultDeploymentGroup")
                .set("autoRollbackConfiguration", obj("enabled", true, "events", list("DEPLOYMENT_FAILURE")))
                .set("deploymentStyle", obj("deploymentType", "BLUE_GREEN", "deploymentOption", "WITH_TRAFFIC_CONTROL"))
                .set("blueGreenDeploymentConfig", obj(
                        "terminateBlueInstancesOnDeploymentSuccess", obj("action", "TERMINATE",
                                "terminationWaitTimeInMinutes", 5))));

        s.add(Res.of(Types.IB_INFRASTRUCTURE, "ee-image-infrastructure").set("terminateInstanceOnFailure", true));
        s.add(Res.of(Types.IB_DISTRIBUTION, "ee-image-distribution").set("distributions", list(obj(
                "region", "eu-west-2",
                "amiDistributionConfiguration", obj("name", "ee-{{ imagebuilder:buildDate }}")))));
        s.add(Res.of("aws:ssm/parameter:Parameter", "ee-stack-outputs").set("type", "String"));

        s.outputs.add(new StackOutput("environment", environment, false));
        s.outputs.add(new StackOutput("url", "https://ee.example", false));
        s.config.add(new ConfigEntry("aws:region", false, "eu-west-2"));
        s.config.add(new ConfigEntry(SecretRules.ORIGIN_SECRET_KEY, true, null));
        return s;
    }

    static String trust(String service) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\""
                + service + "\"},\"Action\":\"sts:AssumeRole\"}]}";
    }

    TestStack add(Res resource) {
        resources.put(resource.name, resource);
        return this;
    }

    TestStack edit(String name, Consumer<Res> change) {
        Res resource = resources.get(name);
        if (resource == null) {
            throw new IllegalArgumentException("no resource " + name + " in the test stack");
        }
        change.accept(resource);
        return this;
    }

    TestStack remove(String name) {
        resources.remove(name);
        return this;
    }

    PolicyInput input() {
        return new PolicyInput(environment, resources.values().stream().map(Res::build).toList(),
                outputs, config, suppressions.all());
    }

    /** The violations one rule finds in this stack. */
    List<Violation> check(Rule rule) {
        return rule.check(input());
    }

    PolicyReport evaluate() {
        return PolicyEngine.standard().evaluate(input());
    }
}
