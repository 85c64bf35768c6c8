package org.democracyclub.ee.infra.image;

import com.pulumi.test.Mocks;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Pulumi mocks for the golden image component. They answer only the resource types the
 * component declares and throw on anything else, and on every invoke (it makes none), so an
 * unexpected resource or lookup fails the test instead of being silently echoed. Every
 * declared resource is recorded for assertions.
 */
final class GoldenImageMocks implements Mocks {

    static final String ACCOUNT = "123456789012";
    static final String REGION = "eu-west-2";

    private final List<ResourceArgs> declared = Collections.synchronizedList(new ArrayList<>());

    @Override
    public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
        Map<String, Object> state = new HashMap<>(args.inputs);
        String id = args.name + "-id";
        switch (args.type) {
            case "pulumi:providers:aws" -> id = "provider-id";
            // The mock engine registers component resources too; they have no state of their own.
            case GoldenImagePipeline.TYPE -> state.clear();
            case "aws:imagebuilder/component:Component" ->
                    state.put("arn", imageBuilderArn("component", args.inputs.get("name"), args.inputs.get("version") + "/1"));
            case "aws:imagebuilder/imageRecipe:ImageRecipe" ->
                    state.put("arn", imageBuilderArn("image-recipe", args.inputs.get("name"), String.valueOf(args.inputs.get("version"))));
            case "aws:imagebuilder/infrastructureConfiguration:InfrastructureConfiguration" ->
                    state.put("arn", imageBuilderArn("infrastructure-configuration", args.inputs.get("name"), null));
            case "aws:imagebuilder/distributionConfiguration:DistributionConfiguration" ->
                    state.put("arn", imageBuilderArn("distribution-configuration", args.inputs.get("name"), null));
            case "aws:imagebuilder/imagePipeline:ImagePipeline" ->
                    state.put("arn", imageBuilderArn("image-pipeline", args.inputs.get("name"), null));
            case "aws:iam/role:Role", "aws:iam/instanceProfile:InstanceProfile" -> {
                state.put("name", args.name + "-physical");
                state.put("arn", "arn:aws:iam::" + ACCOUNT + ":" + (args.type.contains("role") ? "role/" : "instance-profile/")
                        + args.name + "-physical");
            }
            case "aws:kms/key:Key" -> {
                state.put("keyId", "0a1b2c3d-offline-key");
                state.put("arn", "arn:aws:kms:" + REGION + ":" + ACCOUNT + ":key/0a1b2c3d-offline-key");
            }
            case "aws:ec2/securityGroup:SecurityGroup" -> state.put("arn", "arn:aws:ec2:" + REGION + ":" + ACCOUNT
                    + ":security-group/" + id);
            case "aws:iam/rolePolicyAttachment:RolePolicyAttachment", "aws:iam/rolePolicy:RolePolicy",
                 "aws:kms/alias:Alias", "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule" -> {
                // inputs are the whole state
            }
            default -> throw new IllegalArgumentException("GoldenImageMocks: unexpected resource type " + args.type
                    + " (" + args.name + ")");
        }
        declared.add(args);
        return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(id), state));
    }

    @Override
    public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
        throw new IllegalArgumentException("GoldenImageMocks: unexpected invoke " + args.token);
    }

    private static String imageBuilderArn(String kind, Object name, String version) {
        return "arn:aws:imagebuilder:" + REGION + ":" + ACCOUNT + ":" + kind + "/" + name + (version == null ? "" : "/" + version);
    }

    /** Every declared resource of this type, in declaration order. */
    List<ResourceArgs> ofType(String type) {
        synchronized (declared) {
            return declared.stream().filter(r -> r.type.equals(type)).toList();
        }
    }

    /** The single declared resource of this type. */
    ResourceArgs one(String type) {
        List<ResourceArgs> found = ofType(type);
        if (found.size() != 1) {
            throw new AssertionError("expected one " + type + ", found " + found.size());
        }
        return found.get(0);
    }

    List<ResourceArgs> all() {
        synchronized (declared) {
            return List.copyOf(declared);
        }
    }
}
