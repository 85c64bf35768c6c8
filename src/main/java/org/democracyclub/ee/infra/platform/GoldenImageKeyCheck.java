package org.democracyclub.ee.infra.platform;

import java.util.Optional;
import java.util.function.Supplier;
import org.democracyclub.ee.infra.names.Names;

/**
 * The recipe encrypts the golden image with the key {@link Names#GOLDEN_IMAGE_KEY_ALIAS}, which
 * the account bootstrap creates (CI may not create tagged keys: docs/adr/0003). Without it the
 * first image build would fail hours after {@code pulumi up}, so the program looks the alias up
 * before it declares anything and says how to create it. The provider's {@code aws:kms/getAlias}
 * lists the aliases and describes the key (terraform-provider-aws
 * internal/service/kms/alias_data_source.go), and fails with "couldn't find resource" when the
 * alias does not exist.
 */
final class GoldenImageKeyCheck {
    private GoldenImageKeyCheck() {
    }

    /** Why the key cannot serve the recipe, if it cannot; {@code lookup} answers the key's ARN. */
    static Optional<String> problem(Supplier<String> lookup) {
        try {
            lookup.get();
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of("KMS alias " + Names.GOLDEN_IMAGE_KEY_ALIAS + " cannot be read (" + e.getMessage()
                    + "): the golden image is encrypted with it, and the account bootstrap creates it where the stack"
                    + " sets buildGoldenImages; re-run the bootstrap as an administrator from this commit"
                    + " (cd bootstrap && pulumi up -s <environment>: docs/deployment.md, \"New account set-up\")");
        }
    }
}
