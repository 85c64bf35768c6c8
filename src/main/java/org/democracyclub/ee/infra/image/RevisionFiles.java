package org.democracyclub.ee.infra.image;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.democracyclub.ee.common.RevisionLayout;
import org.democracyclub.ee.common.Problem;

/**
 * The golden image runs the same files as the hooks: this repository's {@code ee-deploy/}, written
 * onto the build instance by components the program generates from it, before
 * {@code install-app} runs them (docs/golden-images.md). Embedding rather than downloading: the
 * image then depends on nothing but the jar's inputs (the SourceFingerprint covers ee-deploy/),
 * and each component's version changes exactly when those files do. An inline component document
 * holds at most {@link AwstoeRules#MAX_DOCUMENT_CHARS} characters, so the files are spread over as
 * many documents as they need, in path order.
 */
final class RevisionFiles {
    /** Where the build instance assembles the image's bundle: the app tree beside ee-deploy/. */
    static final String IMAGE_BUNDLE = "/opt/every_election/image-bundle";
    static final String KEY_PREFIX = "revision-files-";
    /** Ends each file's here-document; a file containing this line cannot be embedded. */
    static final String END = "EE_DEPLOY_FILE_END";
    private static final String INDENT = "              ";

    private RevisionFiles() {
    }

    /** The generated documents for {@code revisionDirectory}, validated like the files of image-components/. */
    static List<ComponentDocument> documents(Path revisionDirectory) {
        List<String> snippets = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (Path file : files(revisionDirectory)) {
            String relative = revisionDirectory.relativize(file).toString().replace('\\', '/');
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                problems.add(new Problem(file, 0, "cannot be read as UTF-8: " + e.getMessage()));
                continue;
            }
            if (!text.endsWith("\n") || text.lines().anyMatch(END::equals) || text.contains("\t")) {
                problems.add(new Problem(file, 0, "cannot be embedded in the image: it must end with a newline,"
                        + " hold no tab and no line '" + END + "'"));
                continue;
            }
            snippets.add(snippet(relative, text, Files.isExecutable(file)));
        }
        List<List<String>> chunks = chunks(snippets, problems, revisionDirectory);
        if (!problems.isEmpty()) {
            throw new InvalidComponentDocumentException(problems);
        }
        List<ComponentDocument> documents = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            String key = KEY_PREFIX + (i + 1);
            String text = document(key, i + 1, chunks.size(), chunks.get(i));
            var result = ComponentDocumentValidator.validate(revisionDirectory, key, text);
            if (!result.problems().isEmpty()) {
                throw new InvalidComponentDocumentException(result.problems());
            }
            documents.add(result.document().orElseThrow());
        }
        return documents;
    }

    private static List<List<String>> chunks(List<String> snippets, List<Problem> problems, Path directory) {
        int budget = AwstoeRules.MAX_DOCUMENT_CHARS - document("x", 99, 99, List.of()).length();
        List<List<String>> chunks = new ArrayList<>();
        List<String> current = new ArrayList<>();
        int size = 0;
        for (String snippet : snippets) {
            if (snippet.length() > budget) {
                problems.add(new Problem(directory, 0, "a file is too large for one component document: "
                        + snippet.lines().skip(1).findFirst().orElse("")));
                continue;
            }
            if (size + snippet.length() > budget) {
                chunks.add(current);
                current = new ArrayList<>();
                size = 0;
            }
            current.add(snippet);
            size += snippet.length();
        }
        if (!current.isEmpty()) {
            chunks.add(current);
        }
        return chunks;
    }

    private static String snippet(String relative, String text, boolean executable) {
        String target = "\"$dir/" + relative + "\"";
        StringBuilder s = new StringBuilder();
        s.append(INDENT).append("mkdir -p \"$(dirname ").append(target).append(")\"\n");
        s.append(INDENT).append("cat > ").append(target).append(" <<'").append(END).append("'\n");
        text.lines().forEach(line -> s.append(line.isEmpty() ? "" : INDENT + line).append('\n'));
        s.append(INDENT).append(END).append('\n');
        s.append(INDENT).append("chmod ").append(executable ? "0755" : "0644").append(' ').append(target).append('\n');
        return s.toString();
    }

    private static String document(String key, int index, int count, List<String> snippets) {
        String start = index == 1
                ? INDENT + "rm -rf \"$dir\"\n"
                : INDENT + "test -d \"$dir\"  # written by " + KEY_PREFIX + "1\n";
        return "name: ee-" + key + "\n"
                + "description: Part " + index + " of " + count + " of this repository's "
                + RevisionLayout.REVISION_DIRECTORY + "/ (hooks, unit, .env writer, manage-py-command),"
                + " generated by the program from the files; install-app runs them.\n"
                + "schemaVersion: 1.0\n"
                + "phases:\n"
                + "  - name: build\n"
                + "    steps:\n"
                + "      - name: WriteRevisionFiles\n"
                + "        action: ExecuteBash\n"
                + "        inputs:\n"
                + "          commands:\n"
                + "            - |\n"
                + INDENT + "set -euo pipefail\n"
                + INDENT + "dir=" + IMAGE_BUNDLE + "/" + RevisionLayout.REVISION_DIRECTORY + "\n"
                + start
                + INDENT + "mkdir -p \"$dir\"\n"
                + String.join("", snippets);
    }

    private static List<Path> files(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new InvalidComponentDocumentException(List.of(new Problem(directory, 0,
                    "the revision directory does not exist: the image installs its files")));
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(Files::isRegularFile)
                    .sorted(java.util.Comparator.comparing(p -> directory.relativize(p).toString().replace('\\', '/')))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
