package org.democracyclub.ee.infra.image;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.democracyclub.ee.common.Problem;

/**
 * Loads and validates the golden image's AWSTOE component documents, one file per component
 * in {@link #DIRECTORY}. Every file is checked before anything is declared; all problems are
 * reported together.
 */
public final class ComponentDocuments {

    /** Where the documents live, relative to the repository root. */
    public static final Path DIRECTORY = Path.of("image-components");

    /**
     * The components, by file name without {@code .yml}, in the order the recipe runs them:
     * the user must exist before the application is installed as that user. This list is the
     * one place the order is defined; a file in the directory that is not listed here is an
     * error, so that a new component cannot be silently left out.
     */
    public static final List<String> ORDER = List.of("ec2-instance-connect", "install-app");
    /** The file component that runs the revision files: the generated ones come just before it. */
    static final String RUNS_REVISION_FILES = "install-app";
    /** This repository's revision files, which the image installs as the hooks do. */
    public static final Path REVISION_DIRECTORY = Path.of(org.democracyclub.ee.common.RevisionLayout.REVISION_DIRECTORY);

    static final String EXTENSION = ".yml";

    private ComponentDocuments() {
    }

    /**
     * The validated documents of {@link #DIRECTORY}, in {@link #ORDER}, with the components
     * generated from {@link #REVISION_DIRECTORY} just before {@link #RUNS_REVISION_FILES}.
     */
    public static List<ComponentDocument> load() {
        List<ComponentDocument> files = load(DIRECTORY, ORDER);
        List<ComponentDocument> generated = RevisionFiles.documents(REVISION_DIRECTORY);
        List<ComponentDocument> all = new ArrayList<>();
        for (ComponentDocument document : files) {
            if (document.key().equals(RUNS_REVISION_FILES)) {
                all.addAll(generated);
            }
            all.add(document);
        }
        return List.copyOf(all);
    }

    /**
     * The validated documents of {@code directory}, in {@code order}.
     *
     * @throws InvalidComponentDocumentException listing every problem with its file and line
     */
    public static List<ComponentDocument> load(Path directory, List<String> order) {
        List<Problem> problems = new ArrayList<>();
        List<ComponentDocument> documents = new ArrayList<>();
        for (String key : order) {
            Path file = directory.resolve(key + EXTENSION);
            if (!Files.isRegularFile(file)) {
                problems.add(new Problem(file, 0, "missing: component '" + key + "' is listed in ComponentDocuments.ORDER"));
                continue;
            }
            try {
                var result = ComponentDocumentValidator.validate(file, key, readUtf8(file));
                result.document().ifPresent(documents::add);
                problems.addAll(result.problems());
            } catch (CharacterCodingException e) {
                problems.add(new Problem(file, 0, "not UTF-8 text"));
            } catch (IOException e) {
                problems.add(new Problem(file, 0, "cannot be read: " + e.getMessage()));
            }
        }
        problems.addAll(unlistedFiles(directory, order));
        if (!problems.isEmpty()) {
            throw new InvalidComponentDocumentException(problems);
        }
        return List.copyOf(documents);
    }

    private static List<Problem> unlistedFiles(Path directory, List<String> order) {
        if (!Files.isDirectory(directory)) {
            return List.of(new Problem(directory, 0, "component directory does not exist"));
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files
                    .filter(f -> f.getFileName().toString().matches(".*\\.ya?ml"))
                    .filter(f -> !order.contains(f.getFileName().toString().replaceFirst("\\.ya?ml$", ""))
                            || !f.getFileName().toString().endsWith(EXTENSION))
                    .sorted()
                    .map(f -> new Problem(f, 0, "not a listed component: add '"
                            + f.getFileName().toString().replaceFirst("\\.ya?ml$", "")
                            + "' to ComponentDocuments.ORDER (with the " + EXTENSION + " extension) or remove the file"))
                    .toList();
        } catch (IOException e) {
            return List.of(new Problem(directory, 0, "cannot be listed: " + e.getMessage()));
        }
    }

    /** Strict UTF-8: the bytes are what the version is derived from, so no silent replacement. */
    private static String readUtf8(Path file) throws IOException {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(Files.readAllBytes(file)))
                .toString();
    }
}
