package org.democracyclub.ee.ci;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The lines inside the fenced code blocks of a Markdown file: the commands it documents. */
final class MarkdownCode {
    private MarkdownCode() {
    }

    static List<String> lines(Path markdown) throws IOException {
        List<String> code = new ArrayList<>();
        String fence = null;
        for (String line : Files.readAllLines(markdown)) {
            String trimmed = line.strip();
            if (fence == null && (trimmed.startsWith("```") || trimmed.startsWith("~~~"))) {
                fence = trimmed.substring(0, 3);
            } else if (fence != null && trimmed.startsWith(fence)) {
                fence = null;
            } else if (fence != null) {
                code.add(trimmed);
            }
        }
        return code;
    }
}
