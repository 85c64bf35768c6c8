package org.democracyclub.ee.deployer.bundle;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import org.democracyclub.ee.common.RevisionLayout;
import org.democracyclub.ee.deployer.BadInputException;
import org.democracyclub.ee.deployer.CommitSha;

/**
 * Composes the revision bundle (the layout is {@link RevisionLayout}'s): every input is checked
 * before a byte is written, the zip goes to a temporary file next to {@code out} and is moved into
 * place at the end, so a refusal or a crash leaves nothing behind and never a partial bundle.
 */
public final class BundleComposer {
    private BundleComposer() {
    }

    /**
     * @param appSource    a checkout of the application at {@code commit} (or an exported tree)
     * @param deploySource the root of this repository (appspec.yaml, ee-deploy/)
     */
    public static Bundle compose(Path appSource, CommitSha commit, Path deploySource, Path out) {
        Path app = appSource.toAbsolutePath().normalize();
        Path target = out.toAbsolutePath().normalize();
        if (!Git.isCheckout(app) && target.startsWith(app)) {
            throw new BadInputException("--out " + out + " is inside --app-source " + appSource
                    + ", so the bundle would contain itself; write it elsewhere (e.g. --out /tmp/bundle.zip)");
        }
        Path parent = target.getParent();
        if (!Files.isDirectory(parent)) {
            throw new BadInputException("--out " + out + ": directory " + parent + " does not exist; create it first");
        }
        List<BundleEntry> appEntries = AppTree.read(app, commit);
        DeploySource.Part deploy = DeploySource.read(deploySource.toAbsolutePath().normalize());
        Manifest manifest = new Manifest(commit.value(), deploy.commit(), deploy.clean());

        List<BundleEntry> entries = new ArrayList<>(appEntries);
        entries.addAll(deploy.entries());
        entries.add(BundleEntry.bytes(RevisionLayout.MANIFEST, manifest.toJson()));
        TreeMap<String, BundleEntry> sorted = sortedWithDirectories(entries);
        try {
            return write(sorted, target, manifest, entries.size());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the bundle " + target + ": " + e.getMessage(), e);
        }
    }

    /** Entries by name, with an entry (null value) for every directory so its mode is fixed too. */
    private static TreeMap<String, BundleEntry> sortedWithDirectories(List<BundleEntry> entries) {
        TreeMap<String, BundleEntry> sorted = new TreeMap<>();
        for (BundleEntry e : entries) {
            if (sorted.put(e.name(), e) != null) {
                // AppTree refuses the reserved names, so this is a bug in the layout, not bad input.
                throw new IllegalStateException("two bundle entries named " + e.name());
            }
            for (int i = e.name().indexOf('/'); i >= 0; i = e.name().indexOf('/', i + 1)) {
                sorted.putIfAbsent(e.name().substring(0, i + 1), null);
            }
        }
        return sorted;
    }

    private static Bundle write(TreeMap<String, BundleEntry> sorted, Path target, Manifest manifest, int files)
            throws IOException {
        Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".partial");
        try {
            MessageDigest sha = sha256();
            try (OutputStream file = Files.newOutputStream(temp);
                 DigestOutputStream digesting = new DigestOutputStream(new java.io.BufferedOutputStream(file, 1 << 16), sha)) {
                DeterministicZip zip = new DeterministicZip(digesting);
                for (var e : sorted.entrySet()) {
                    BundleEntry entry = e.getValue();
                    if (entry == null) {
                        zip.directory(e.getKey());
                    } else {
                        byte[] content = entry.content() != null ? entry.content() : Files.readAllBytes(entry.source());
                        zip.file(entry.name(), content, entry.executable());
                    }
                }
                zip.finish();
            }
            // createTempFile makes the file private (0600); a bundle holds no secret and is read by others.
            Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new Bundle(target, HexFormat.of().formatHex(sha.digest()), Files.size(target), files, manifest);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
