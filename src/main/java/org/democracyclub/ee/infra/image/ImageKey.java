package org.democracyclub.ee.infra.image;

import com.pulumi.aws.kms.Alias;
import com.pulumi.aws.kms.AliasArgs;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import com.pulumi.resources.CustomResourceOptions;
import org.democracyclub.ee.infra.names.OrganisationArn;

/**
 * The customer-managed KMS key the golden image's snapshots are encrypted with, and its alias,
 * by which the recipe names it ({@link ImageKeyPolicy} says who may use it and why).
 *
 * @param key   the key
 * @param alias {@link GoldenImagePipeline#KEY_ALIAS}
 */
record ImageKey(Key key, Alias alias) {
    /** KMS waits at least 7 days before deleting a key; the longest wait leaves time to notice. */
    static final int DELETION_WINDOW_DAYS = 30;

    static ImageKey declare(String name, GoldenImagePipelineArgs args, CustomResourceOptions child) {
        var key = new Key(name + "-key", KeyArgs.builder()
                .description("Encrypts the EveryElection golden image's snapshots; usable by the organisation's accounts")
                .enableKeyRotation(true)
                .deletionWindowInDays(DELETION_WINDOW_DAYS)
                .policy(args.organisationArn().applyValue(arn ->
                        ImageKeyPolicy.document(args.accountId(), OrganisationArn.parse(arn))))
                .build(), child);
        var alias = new Alias(name + "-key", AliasArgs.builder()
                .name(GoldenImagePipeline.KEY_ALIAS)
                .targetKeyId(key.keyId())
                .build(), child);
        return new ImageKey(key, alias);
    }
}
