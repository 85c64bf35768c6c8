package org.democracyclub.ee.bootstrap;

import com.pulumi.Context;
import com.pulumi.aws.AwsFunctions;
import com.pulumi.aws.outputs.GetCallerIdentityResult;
import com.pulumi.core.Output;
import java.nio.file.Path;
import java.util.List;
import org.democracyclub.ee.infra.names.Names;
import org.democracyclub.ee.infra.policy.Suppressions;
import org.democracyclub.ee.infra.policy.Types;
import org.democracyclub.ee.infra.program.StackProgram;
import org.democracyclub.ee.infra.settings.StackConfig;

/**
 * The account bootstrap (this project's {@code cdk bootstrap}): run once per account by an
 * administrator from {@code bootstrap/}, it creates what the main program's CI needs before the
 * first {@code pulumi up}: the state backend, the secrets key and the CI identity.
 */
public final class BootstrapProgram implements StackProgram<BootstrapSettings> {
    public static final BootstrapProgram INSTANCE = new BootstrapProgram();

    /** The bootstrap's Pulumi project name ({@code bootstrap/Pulumi.yaml}). */
    public static final String PROJECT_NAME = "every-election-bootstrap";

    private BootstrapProgram() {
    }

    /** The bootstrap project lives in {@code bootstrap/}, one level below the sources. */
    @Override
    public Path sources(Path projectDir) {
        return projectDir.toAbsolutePath().getParent();
    }

    @Override
    public BootstrapSettings settings(Path projectDir, StackConfig config) {
        return BootstrapSettings.read(config, BootstrapSettings.mainProjectDir(projectDir));
    }

    /** The same resources for a preview and an update. */
    @Override
    public void declare(Context ctx, BootstrapSettings settings, Suppressions suppressions, boolean update) {
        stack(ctx, settings, suppressions);
    }

    public static void stack(Context ctx, BootstrapSettings settings, Suppressions suppressions) {
        Output<String> accountId = AwsFunctions.getCallerIdentity().applyValue(GetCallerIdentityResult::accountId);
        StateBackend backend = new StateBackend("ee-state", settings);
        CiIdentity ci = new CiIdentity("ee-ci", settings, accountId, backend);
        if (settings.goldenImageKey()) {
            var key = new GoldenImageKey(Names.IMAGE_BUILDER + "-key", settings, accountId,
                    OrganisationLookup.organisation());
            ctx.export("goldenImageKeyArn", key.keyArn());
        }

        // The values an administrator copies into the CircleCI context (docs/deployment.md).
        ctx.export("ciRoleArn", ci.roleArn());
        ctx.export("stateBucketName", backend.bucketName());
        ctx.export("stateBackendUrl",
                backend.bucketName().applyValue(bucket -> "s3://" + bucket + "?region=" + settings.region()));
        ctx.export("secretsProvider",
                Output.of("awskms://" + StateBackend.SECRETS_KEY_ALIAS + "?region=" + settings.region()));
        ctx.export("secretsKeyArn", backend.secretsKeyArn());
        // Their names say "secrets"; their values only name the key, which grants nothing.
        for (String output : List.of("secretsProvider", "secretsKeyArn")) {
            suppressions.suppress(Types.STACK, "output:" + output, "EE-SEC-1",
                    "names the KMS key that encrypts Pulumi secrets; an identifier, not a secret");
        }
        ctx.export("oidcProviderArn", ci.providerArn());
        // The preview jobs' context holds this instead of ciRoleArn.
        ctx.export("ciPreviewRoleArn", ci.previewRoleArn());
        ctx.export("permissionsBoundaryArn", ci.boundaryArn());
    }
}
