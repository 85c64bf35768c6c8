package org.democracyclub.ee.deployer.revision;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.democracyclub.ee.common.RevisionLayout;
import org.democracyclub.ee.deployer.BadInputException;
import org.democracyclub.ee.deployer.appspec.AppSpecValidator;
import org.democracyclub.ee.deployer.appspec.Validation;
import org.democracyclub.ee.deployer.bundle.Bundle;
import org.democracyclub.ee.deployer.bundle.BundleComposer;
import org.democracyclub.ee.deployer.bundle.UnpackedBundle;
import org.democracyclub.ee.deployer.CommitSha;
import org.democracyclub.ee.deployer.deploy.Console;
import org.democracyclub.ee.deployer.deploy.Revision;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * What {@code deploy --app-source} does before CodeDeploy: compose the bundle into a temporary
 * file (offline, so bad input is refused before any AWS call), then put it in the revision bucket
 * once and name that exact object version as the deployment's S3 revision.
 */
public final class BundleUpload implements AutoCloseable {
    private final Path directory;
    private final Bundle bundle;

    private BundleUpload(Path directory, Bundle bundle) {
        this.directory = directory;
        this.bundle = bundle;
    }

    /** Composes the bundle; throws {@code BadInputException} (nothing uploaded) when an input is wrong. */
    public static BundleUpload compose(Path appSource, CommitSha commit, Path deploySource) {
        Path directory;
        try {
            directory = Files.createTempDirectory("ee-deploy-bundle-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Bundle bundle = BundleComposer.compose(appSource, commit, deploySource, directory.resolve("ee-" + commit.value() + ".zip"));
            requireValidAppspec(bundle);
            return new BundleUpload(directory, bundle);
        } catch (RuntimeException e) {
            deleteQuietly(directory);
            throw e;
        }
    }

    /**
     * The appspec of the zip as the agent will unpack it, checked before anything is uploaded: a
     * hook the bundle lacks would otherwise fail on every new instance, after the fleet was copied.
     */
    private static void requireValidAppspec(Bundle bundle) {
        try (UnpackedBundle unpacked = UnpackedBundle.open(bundle.file())) {
            Validation validation = AppSpecValidator.validate(unpacked.directory());
            if (!validation.valid()) {
                Path root = unpacked.directory();
                throw new BadInputException("the bundle's " + RevisionLayout.BUNDLE_APPSPEC + " is invalid, so nothing was uploaded: "
                        + String.join("; ", validation.problems().stream()
                                .map(p -> p.toString().replace(root + "/", "")).toList())
                        + " (check it with: java -jar target/ee-deployer.jar validate-appspec BUNDLE.zip)");
            }
        }
    }

    public Bundle bundle() {
        return bundle;
    }

    /**
     * Refuses an unversioned bucket, then uploads unless the same bundle is there. With
     * {@code dryRun}, only reads: the revision names the existing version, or none yet.
     */
    public Revision revision(S3Client s3, String bucketName, boolean dryRun, Console console) {
        RevisionBucket bucket = new RevisionBucket(s3, bucketName);
        bucket.requireVersioned();
        console.say("Bundle " + bundle.sha256() + ": " + bundle.files() + " files, " + bundle.size() + " bytes, application "
                + bundle.manifest().applicationCommit() + ", deployment " + bundle.manifest().deploymentCommit().orElse("(not a git checkout)")
                + (bundle.manifest().deploymentTreeClean() ? "" : " with local changes"));
        if (dryRun) {
            Optional<UploadedBundle> there = bucket.existing(bundle);
            String uri = "s3://" + bucketName + "/" + bucket.key(bundle);
            console.say(there.isPresent() ? "Dry run: " + uri + " is already uploaded (version " + there.get().versionId() + ")"
                    : "Dry run: would upload " + uri);
            return there.map(BundleUpload::toRevision).orElse(Revision.s3(uri, null, null));
        }
        UploadedBundle uploaded = bucket.put(bundle);
        console.say((uploaded.uploaded() ? "Uploaded " : "Already uploaded, not sent again: ") + uploaded.uri()
                + " version " + uploaded.versionId());
        return toRevision(uploaded);
    }

    static Revision toRevision(UploadedBundle uploaded) {
        return Revision.s3(uploaded.uri(), uploaded.eTag(), uploaded.versionId());
    }

    @Override
    public void close() {
        deleteQuietly(directory);
    }

    private static void deleteQuietly(Path directory) {
        try (var files = Files.list(directory)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(directory);
        } catch (IOException e) {
            // A temporary file left behind is harmless; the deployment's outcome matters more.
        }
    }
}
