package org.democracyclub.ee.infra.preview;

import com.pulumi.test.Mocks;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;

/**
 * Pulumi mocks that answer look-ups from a {@link Fixture} and give each declared resource the
 * attributes AWS would compute (ARN, DNS name...). They throw on any resource type or invoke
 * they do not know, so a new kind of resource or look-up is a visible gap, never silently echoed.
 * Every resource registered is recorded for the preview and the policy checks.
 */
public final class FixtureMocks implements Mocks {
    /** Resource IDs are the logical name plus this suffix, so references are easy to follow. */
    public static final String ID_SUFFIX = "-id";

    private final Fixture fixture;
    private final String region;
    private final List<ResourceArgs> registered = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Map<String, Object>> attributes = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, BiFunction<ResourceArgs, String, Map<String, Object>>> computed = new HashMap<>();
    private final Map<String, String> providerRegions = new java.util.concurrent.ConcurrentHashMap<>();

    public FixtureMocks(Fixture fixture, String region) {
        this.fixture = fixture;
        this.region = region;
        registerComputedAttributes();
    }

    /** The resources registered so far, in registration order. */
    public List<ResourceArgs> registered() {
        synchronized (registered) {
            return List.copyOf(registered);
        }
    }

    @Override
    public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
        if (isComponent(args.type)) {
            registered.add(args);
            return CompletableFuture.completedFuture(ResourceResult.of(Optional.empty(), Map.of()));
        }
        var compute = computed.get(args.type);
        if (compute == null) {
            throw new IllegalArgumentException("FixtureMocks: unknown resource type " + args.type + " (" + args.name
                    + "); add its computed attributes to FixtureMocks");
        }
        registered.add(args);
        String id = idOf(args);
        Map<String, Object> state = new HashMap<>(args.inputs);
        Map<String, Object> computedNow = compute.apply(args, id);
        state.putAll(computedNow);
        attributes.put(args.type + "::" + args.name, Map.copyOf(computedNow));
        return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(id), state));
    }

    /**
     * The resource's ID: the logical name plus {@link #ID_SUFFIX}, except where AWS's ID is an
     * input that other resources are declared with (an S3 bucket's ID is its name).
     */
    static String idOf(ResourceArgs args) {
        if (args.type.equals("aws:s3/bucketV2:BucketV2") && args.inputs.get("bucket") != null) {
            return args.inputs.get("bucket").toString();
        }
        return args.name + ID_SUFFIX;
    }

    /** What the mock computed for a resource (ARN, DNS name...), by {@code type::name}. */
    public Map<String, Object> computedAttributes(String type, String name) {
        return attributes.getOrDefault(type + "::" + name, Map.of());
    }

    /** This project's own component resources ({@code ee:<module>:<Name>}) have no cloud state. */
    public static boolean isComponent(String type) {
        return type.startsWith("ee:");
    }

    @Override
    public CompletableFuture<Map<String, Object>> callAsync(CallArgs call) {
        Map<String, Object> answer = switch (call.token) {
            case "aws:index/getCallerIdentity:getCallerIdentity" -> Map.of(
                    "accountId", fixture.accountId(), "id", fixture.accountId(),
                    "arn", "arn:aws:iam::" + fixture.accountId() + ":user/offline-preview", "userId", "AIDAOFFLINE");
            case "aws:ec2/getVpc:getVpc" -> Map.of("id", fixture.defaultVpcId(), "default", true);
            case "aws:ec2/getSubnets:getSubnets" -> Map.of("id", region, "ids", fixture.subnetIds());
            case "aws:ssm/getParameter:getParameter" -> parameter(String.valueOf(call.args.get("name")));
            case "aws:route53/getZone:getZone" -> Map.of("id", fixture.hostedZoneId(),
                    "zoneId", fixture.hostedZoneId(), "name", String.valueOf(call.args.get("name")));
            case "aws:ec2/getManagedPrefixList:getManagedPrefixList" -> Map.of(
                    "id", fixture.cloudFrontPrefixListId(), "name", String.valueOf(call.args.get("name")));
            case "aws:autoscaling/getAmiIds:getAmiIds" -> autoScalingGroups(call);
            case "aws:kms/getAlias:getAlias" -> alias(String.valueOf(call.args.get("name")));
            default -> throw new IllegalArgumentException("FixtureMocks: no fixture answer for invoke " + call.token);
        };
        return CompletableFuture.completedFuture(answer);
    }

    /** Every group of the region, as DescribeAutoScalingGroups without a filter lists them (names sorted). */
    private Map<String, Object> autoScalingGroups(CallArgs call) {
        if (call.args.get("filters") != null || call.args.get("names") != null) {
            throw new IllegalArgumentException("FixtureMocks: getAmiIds is answered only without filters or names"
                    + " (the program lists every group; ownership never depends on a tag), got " + call.args);
        }
        List<String> names = fixture.autoScalingGroupNames();
        return Map.of("id", region, "names", names, "arns", names.stream().map(this::fleetArn).toList());
    }

    /**
     * An alias of the fixture's account, as {@code aws:kms/getAlias} answers it; a missing one fails
     * as the provider does (terraform-provider-aws internal/service/kms/alias_data_source.go: a
     * NotFoundError from ListAliases, "couldn't find resource").
     */
    private Map<String, Object> alias(String name) {
        if (!fixture.kmsAliases().contains(name)) {
            throw new IllegalArgumentException("reading KMS Alias (" + name + "): couldn't find resource");
        }
        String keyId = keyId(name);
        return Map.of("id", arn("kms", name), "arn", arn("kms", name), "name", name,
                "targetKeyId", keyId, "targetKeyArn", arn("kms", "key/" + keyId));
    }

    /** A KMS key ID (a UUID, as KMS makes them), one per name and the same on every run. */
    static String keyId(String name) {
        return java.util.UUID.nameUUIDFromBytes(name.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }

    private Map<String, Object> parameter(String name) {
        String value = fixture.ssmParameters().get(name);
        if (value == null) {
            // What AWS answers; the message says how to fix it in a real account.
            throw new IllegalArgumentException("ParameterNotFound: SSM parameter '" + name + "' does not exist; create"
                    + " it with aws ssm put-parameter --name " + name + " --type String --value ... (docs/deployment.md)");
        }
        return Map.of("id", name, "name", name, "value", value, "insecureValue", value, "type", "String",
                "arn", arn("ssm", "parameter/" + name.replaceFirst("^/", "")), "version", 1);
    }

    /** The region of the provider a resource is declared with (the stack's, unless it names another). */
    private String regionOf(ResourceArgs args) {
        if (args.provider == null) {
            return region;
        }
        // urn:pulumi:<stack>::<project>::pulumi:providers:aws::<name>::<id>
        String[] parts = args.provider.split("::");
        return providerRegions.getOrDefault(parts.length >= 2 ? parts[parts.length - 2] : "", region);
    }

    /**
     * ACM's DNS validation record for each name of a certificate: a CNAME under the name, the same
     * for the same name (ACM asks for one record per name and account).
     */
    private static List<Map<String, Object>> validationOptions(ResourceArgs args) {
        List<String> names = new ArrayList<>();
        names.add(input(args, "domainName"));
        if (args.inputs.get("subjectAlternativeNames") instanceof List<?> alternatives) {
            alternatives.forEach(name -> names.add(String.valueOf(name)));
        }
        return names.stream().distinct().map(name -> {
            String token = String.format("%08x", name.hashCode());
            return Map.<String, Object>of("domainName", name, "resourceRecordName", "_" + token + "." + name + ".",
                    "resourceRecordType", "CNAME", "resourceRecordValue", "_" + token + ".acm-validations.aws.");
        }).toList();
    }

    private String arn(String service, String resource) {
        return "arn:aws:" + service + ":" + region + ":" + fixture.accountId() + ":" + resource;
    }

    private String fleetArn(String name) {
        return arn("autoscaling", "autoScalingGroup:00000000-0000-0000-0000-000000000000:autoScalingGroupName/" + name);
    }

    private String imageBuilderArn(String kind, ResourceArgs args, String version) {
        String name = input(args, "name").toLowerCase(java.util.Locale.ROOT);
        return arn("imagebuilder", kind + "/" + name + (version == null ? "" : "/" + version));
    }

    /** The given name, or the logical name with a suffix, as Pulumi's auto-naming would make it. */
    private static String physicalName(ResourceArgs args) {
        Object name = args.inputs.get("name");
        return name == null ? args.name + "-1a2b3c4" : name.toString();
    }

    private static String input(ResourceArgs args, String key) {
        Object value = args.inputs.get(key);
        return value == null ? args.name : value.toString();
    }

    /** What AWS computes for each resource type the program declares. */
    private void registerComputedAttributes() {
        computed.put("pulumi:providers:aws", (a, id) -> {
            if (a.inputs.get("region") != null) {
                providerRegions.put(a.name, a.inputs.get("region").toString());
            }
            return Map.of();
        });
        computed.put("aws:ec2/securityGroup:SecurityGroup", (a, id) -> Map.of("arn", arn("ec2", "security-group/" + id)));
        computed.put("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", (a, id) -> Map.of(
                "arn", arn("ec2", "security-group-rule/" + id), "securityGroupRuleId", id));
        computed.put("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule", (a, id) -> Map.of(
                "arn", arn("ec2", "security-group-rule/" + id), "securityGroupRuleId", id));
        computed.put("aws:lb/loadBalancer:LoadBalancer", (a, id) -> Map.of(
                "arn", arn("elasticloadbalancing", "loadbalancer/app/" + input(a, "name") + "/0123456789abcdef"),
                "dnsName", input(a, "name") + "-1234567890." + region + ".elb.amazonaws.com",
                "zoneId", "ZHURV8PSTC4K8"));
        computed.put("aws:lb/targetGroup:TargetGroup", (a, id) -> Map.of(
                "arn", arn("elasticloadbalancing", "targetgroup/" + input(a, "name") + "/0123456789abcdef"),
                "name", input(a, "name")));
        computed.put("aws:lb/listener:Listener", (a, id) -> Map.of(
                "arn", arn("elasticloadbalancing", "listener/app/ee-alb/0123456789abcdef/" + id)));
        computed.put("aws:lb/listenerRule:ListenerRule", (a, id) -> Map.of(
                "arn", arn("elasticloadbalancing", "listener-rule/app/ee-alb/0123456789abcdef/" + id)));
        computed.put("aws:iam/role:Role", (a, id) -> Map.of(
                "arn", "arn:aws:iam::" + fixture.accountId() + ":role/" + physicalName(a), "name", physicalName(a)));
        computed.put("aws:iam/rolePolicy:RolePolicy", (a, id) -> Map.of());
        computed.put("aws:iam/instanceProfile:InstanceProfile", (a, id) -> Map.of(
                "arn", "arn:aws:iam::" + fixture.accountId() + ":instance-profile/" + physicalName(a),
                "name", physicalName(a)));
        computed.put("aws:ec2/launchTemplate:LaunchTemplate", (a, id) -> Map.of(
                "arn", arn("ec2", "launch-template/lt-0123456789abcdef0"), "latestVersion", 1));
        computed.put("aws:autoscaling/group:Group", (a, id) -> Map.of(
                "arn", fleetArn(input(a, "name")), "name", input(a, "name")));
        computed.put("aws:codedeploy/application:Application", (a, id) -> Map.of(
                "arn", arn("codedeploy", "application:" + input(a, "name")), "name", input(a, "name")));
        computed.put("aws:codedeploy/deploymentGroup:DeploymentGroup", (a, id) -> Map.of(
                "arn", arn("codedeploy", "deploymentgroup:EECodeDeploy/" + input(a, "deploymentGroupName"))));
        computed.put("aws:cloudfront/cachePolicy:CachePolicy", (a, id) -> Map.of("etag", "E1OFFLINE"));
        computed.put("aws:cloudfront/distribution:Distribution", (a, id) -> Map.of(
                "arn", "arn:aws:cloudfront::" + fixture.accountId() + ":distribution/E1OFFLINE",
                "domainName", "d111111abcdef8.cloudfront.net", "hostedZoneId", "Z2FDTNDATAQYW2"));
        computed.put("aws:route53/record:Record", (a, id) -> Map.of("fqdn", input(a, "name")));
        computed.put("aws:acm/certificate:Certificate", (a, id) -> Map.of(
                "arn", "arn:aws:acm:" + regionOf(a) + ":" + fixture.accountId() + ":certificate/"
                        + java.util.UUID.nameUUIDFromBytes((regionOf(a) + a.name).getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                "domainValidationOptions", validationOptions(a), "status", "PENDING_VALIDATION"));
        computed.put("aws:acm/certificateValidation:CertificateValidation", (a, id) -> Map.of());
        computed.put("aws:iam/rolePolicyAttachment:RolePolicyAttachment", (a, id) -> Map.of());
        computed.put("aws:imagebuilder/component:Component", (a, id) -> Map.of(
                "arn", imageBuilderArn("component", a, input(a, "version") + "/1")));
        computed.put("aws:imagebuilder/imageRecipe:ImageRecipe", (a, id) -> Map.of(
                "arn", imageBuilderArn("image-recipe", a, input(a, "version"))));
        computed.put("aws:imagebuilder/infrastructureConfiguration:InfrastructureConfiguration", (a, id) -> Map.of(
                "arn", imageBuilderArn("infrastructure-configuration", a, null)));
        computed.put("aws:imagebuilder/distributionConfiguration:DistributionConfiguration", (a, id) -> Map.of(
                "arn", imageBuilderArn("distribution-configuration", a, null)));
        computed.put("aws:imagebuilder/imagePipeline:ImagePipeline", (a, id) -> Map.of(
                "arn", imageBuilderArn("image-pipeline", a, null)));
        // The account bootstrap (bootstrap/Pulumi.yaml).
        computed.put("aws:s3/bucketV2:BucketV2", (a, id) -> Map.of("arn", "arn:aws:s3:::" + input(a, "bucket")));
        computed.put("aws:kms/key:Key", (a, id) -> Map.of("keyId", keyId(a.name),
                "arn", arn("kms", "key/" + keyId(a.name))));
        computed.put("aws:iam/openIdConnectProvider:OpenIdConnectProvider", (a, id) -> Map.of(
                "arn", "arn:aws:iam::" + fixture.accountId() + ":oidc-provider/"
                        + input(a, "url").replaceFirst("^https://", "")));
        computed.put("aws:iam/policy:Policy", (a, id) -> Map.of(
                "arn", "arn:aws:iam::" + fixture.accountId() + ":policy/" + physicalName(a)));
        for (String plain : List.of("aws:s3/bucketVersioningV2:BucketVersioningV2",
                "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
                "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
                "aws:s3/bucketOwnershipControls:BucketOwnershipControls", "aws:s3/bucketPolicy:BucketPolicy",
                "aws:kms/alias:Alias", "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2")) {
            computed.put(plain, (a, id) -> Map.of());
        }
        computed.put("aws:ssm/parameter:Parameter", (a, id) -> Map.of(
                "arn", arn("ssm", "parameter" + input(a, "name"))));
        // Operations (docs/operations.md).
        computed.put("aws:ssm/document:Document", (a, id) -> Map.of(
                "arn", arn("ssm", "document/" + input(a, "name")), "latestVersion", "1", "defaultVersion", "1"));
        computed.put("aws:cloudwatch/logGroup:LogGroup", (a, id) -> Map.of(
                "arn", arn("logs", "log-group:" + input(a, "name"))));
        computed.put("aws:scheduler/schedule:Schedule", (a, id) -> Map.of(
                "arn", arn("scheduler", "schedule/default/" + input(a, "name"))));
        computed.put("aws:cloudwatch/eventRule:EventRule", (a, id) -> Map.of(
                "arn", arn("events", "rule/" + input(a, "name")), "name", input(a, "name")));
        computed.put("aws:cloudwatch/eventTarget:EventTarget", (a, id) -> Map.of());
        computed.put("aws:sns/topic:Topic", (a, id) -> Map.of("arn", arn("sns", input(a, "name"))));
        computed.put("aws:sns/topicPolicy:TopicPolicy", (a, id) -> Map.of());
        computed.put("aws:sns/topicSubscription:TopicSubscription", (a, id) -> Map.of(
                "arn", arn("sns", "ee-ops-alarms:" + id)));
        computed.put("aws:cloudwatch/metricAlarm:MetricAlarm", (a, id) -> Map.of(
                "arn", arn("cloudwatch", "alarm:" + input(a, "name"))));
        computed.put("aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2", (a, id) -> Map.of());
    }
}
