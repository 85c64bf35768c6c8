package org.democracyclub.ee.bootstrap;

import com.pulumi.test.Mocks;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Pulumi mocks for the bootstrap: answer each resource type and invoke the bootstrap uses with
 * the attributes AWS would compute (ARNs, key IDs), record what was declared, and throw on
 * anything else so a new, untested resource or lookup cannot slip through.
 */
final class BootstrapMocks implements Mocks {
    static final String ACCOUNT_ID = "123456789012";
    static final String REGION = "eu-west-2";
    static final String KEY_ID = "0d6f5b5e-1111-4222-8333-944455556666";
    static final String KEY_ARN = "arn:aws:kms:" + REGION + ":" + ACCOUNT_ID + ":key/" + KEY_ID;

    /** One declared resource: its type token, logical name and inputs as the engine got them. */
    record Declared(String type, String name, Map<String, Object> inputs) {
    }

    private final List<Declared> declared = Collections.synchronizedList(new ArrayList<>());

    List<Declared> declared() {
        return List.copyOf(declared);
    }

    @Override
    public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
        declared.add(new Declared(args.type, args.name, args.inputs));
        Map<String, Object> state = new HashMap<>(args.inputs);
        String id = args.name + "-id";
        switch (args.type) {
            case "aws:s3/bucketV2:BucketV2" -> {
                id = (String) args.inputs.get("bucket");
                state.put("arn", "arn:aws:s3:::" + id);
            }
            case "aws:kms/key:Key" -> {
                id = KEY_ID;
                state.put("keyId", KEY_ID);
                state.put("arn", KEY_ARN);
            }
            case "aws:iam/openIdConnectProvider:OpenIdConnectProvider" -> state.put("arn",
                    "arn:aws:iam::" + ACCOUNT_ID + ":oidc-provider/"
                            + ((String) args.inputs.get("url")).replaceFirst("^https://", ""));
            case "aws:iam/role:Role", "aws:iam/policy:Policy" -> {
                String kind = args.type.equals("aws:iam/role:Role") ? "role" : "policy";
                id = (String) args.inputs.get("name");
                state.put("arn", "arn:aws:iam::" + ACCOUNT_ID + ":" + kind + "/" + id);
            }
            case StateBackend.TYPE, CiIdentity.TYPE -> {
                // Our components: the engine registers them too; they have no state of their own.
            }
            case "aws:s3/bucketVersioningV2:BucketVersioningV2",
                    "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
                    "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
                    "aws:s3/bucketOwnershipControls:BucketOwnershipControls",
                    "aws:s3/bucketPolicy:BucketPolicy",
                    "aws:kms/alias:Alias",
                    "aws:iam/rolePolicyAttachment:RolePolicyAttachment" -> {
                // Nothing computed that the bootstrap reads.
            }
            default -> throw new IllegalArgumentException("BootstrapMocks: unexpected resource type " + args.type);
        }
        return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(id), state));
    }

    @Override
    public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
        if (args.token.equals("aws:index/getCallerIdentity:getCallerIdentity")) {
            return CompletableFuture.completedFuture(Map.of(
                    "accountId", ACCOUNT_ID,
                    "arn", "arn:aws:iam::" + ACCOUNT_ID + ":user/admin",
                    "id", ACCOUNT_ID,
                    "userId", "AIDAEXAMPLE"));
        }
        throw new IllegalArgumentException("BootstrapMocks: unexpected invoke " + args.token);
    }
}
