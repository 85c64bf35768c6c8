package org.democracyclub.ee.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A SHA-256 over the files that make up the Pulumi program ({@code pom.xml}, {@code src/main},
 * the image components, and the revision files the image components embed), by relative path and content. The build records it in the jar; when
 * the Pulumi engine runs the jar, the program compares it with the project's files and refuses
 * to deploy code that the jar was not built from.
 *
 * <p>Content, not modification times: a fresh checkout in CI is newer than a jar built a minute
 * earlier from the same commit, and must still run.
 */
public final class SourceFingerprint {
    /** The jar resource holding the fingerprint of the sources it was built from. */
    public static final String RESOURCE = "ee-infra-sources.sha256";
    public static final String REBUILD_COMMAND = "mvn -B package -DskipTests";
    /** ee-deploy: the program embeds those files into the golden image's components. */
    static final List<String> INPUTS = List.of("pom.xml", "src/main", "image-components", "ee-deploy");

    private SourceFingerprint() {
    }

    /** Build step: {@code SourceFingerprint <project dir> <classes dir>}. */
    public static void main(String[] args) throws IOException {
        Path project = Path.of(args[0]);
        Files.writeString(Path.of(args[1]).resolve(RESOURCE), of(project) + "\n");
    }

    public static String of(Path projectDir) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path file : files(projectDir)) {
                String relative = projectDir.relativize(file).toString().replace('\\', '/');
                digest.update(relative.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(Files.readAllBytes(file));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fingerprint recorded in the running jar, if it was built by Maven. */
    public static Optional<String> recorded() {
        try (InputStream in = SourceFingerprint.class.getResourceAsStream("/" + RESOURCE)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Why the program must not run from this jar in {@code projectDir}, if it must not: the
     * project's sources differ from the ones the jar was built from.
     */
    public static Optional<String> staleness(Path projectDir) {
        return recorded().filter(fingerprint -> !fingerprint.equals(of(projectDir)))
                .map(fingerprint -> "target/ee-infra.jar was built from other sources than those in "
                        + projectDir.toAbsolutePath().normalize() + " (" + String.join(", ", INPUTS)
                        + " changed since); running it would deploy old code. Rebuild it with: " + REBUILD_COMMAND);
    }

    private static List<Path> files(Path projectDir) throws IOException {
        List<Path> files = new java.util.ArrayList<>();
        for (String input : INPUTS) {
            Path path = projectDir.resolve(input);
            if (Files.isRegularFile(path)) {
                files.add(path);
            } else if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile).forEach(files::add);
                }
            }
        }
        files.sort(java.util.Comparator.comparing(p -> projectDir.relativize(p).toString().replace('\\', '/')));
        return files;
    }
}
