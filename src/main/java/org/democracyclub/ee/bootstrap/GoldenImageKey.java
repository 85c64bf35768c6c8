package org.democracyclub.ee.bootstrap;

import com.pulumi.aws.kms.Alias;
import com.pulumi.aws.kms.AliasArgs;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import java.util.Map;
import org.democracyclub.ee.bootstrap.policy.GoldenImageKeyPolicy;
import org.democracyclub.ee.infra.names.Names;
import org.democracyclub.ee.infra.names.OrganisationArn;

/**
 * In the account that builds the golden image (its main stack sets {@code buildGoldenImages}):
 * the customer-managed KMS key the image's snapshots are encrypted with, shared with the
 * organisation ({@link GoldenImageKeyPolicy}), and its alias {@link Names#GOLDEN_IMAGE_KEY_ALIAS},
 * by which the main program's recipe names it.
 *
 * <p>Why here and not in the main program: creating a key with tags is authorised as
 * {@code kms:TagResource} on every key of the account (KMS developer guide, "Controlling access
 * to tags": "To add tags while creating a KMS key, the principal must have permission in an IAM
 * policy that isn't restricted to particular KMS keys"), so a CI role that may create tagged keys
 * may tag a foreign key as its own and then rewrite its key policy. The administrator who runs
 * the bootstrap creates the key; CI only reads it (docs/adr/0003).
 */
public final class GoldenImageKey extends ComponentResource {
    public static final String TYPE = "ee:bootstrap:GoldenImageKey";
    /** KMS waits at least 7 days before deleting a key; the longest wait leaves time to notice. */
    static final int DELETION_WINDOW_DAYS = 30;

    private final Output<String> keyArn;

    /**
     * @param accountId    the account the key is in (its root administers the key)
     * @param organisation the organisation whose accounts may use the key (SSM {@code OrganisationID})
     */
    public GoldenImageKey(String name, BootstrapSettings settings, Output<String> accountId,
                          OrganisationArn organisation) {
        super(TYPE, name, ComponentResourceOptions.builder().build());
        // Protected: every image built with it, and every copy not yet re-encrypted, needs it.
        CustomResourceOptions kept = CustomResourceOptions.builder().parent(this).protect(true).build();
        Key key = new Key(name, KeyArgs.builder()
                .description("Encrypts the EveryElection golden image's snapshots; usable by the organisation's accounts")
                .enableKeyRotation(true)
                .deletionWindowInDays(DELETION_WINDOW_DAYS)
                .policy(accountId.applyValue(account -> GoldenImageKeyPolicy.document(account, organisation)))
                .tags(settings.tags())
                .build(), kept);
        new Alias(name + "-alias", AliasArgs.builder()
                .name(Names.GOLDEN_IMAGE_KEY_ALIAS)
                .targetKeyId(key.keyId())
                .build(), CustomResourceOptions.builder().parent(this).build());
        this.keyArn = key.arn();
        registerOutputs(Map.of("keyArn", keyArn));
    }

    public Output<String> keyArn() {
        return keyArn;
    }
}
