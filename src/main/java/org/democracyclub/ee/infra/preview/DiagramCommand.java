package org.democracyclub.ee.infra.preview;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.democracyclub.ee.infra.settings.InvalidSettingsException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code diagram}: the architecture diagram in docs/architecture.md, generated from an offline
 * run of a stack. With {@code --write FILE} it replaces the block between the markers in FILE;
 * otherwise it prints the Mermaid source.
 */
@Command(name = "diagram", mixinStandardHelpOptions = true,
        description = "Print (or write into a Markdown file) the Mermaid diagram of a stack's resources.")
public final class DiagramCommand implements Callable<Integer> {
    public static final String START = "<!-- diagram:start (generated: java -jar target/ee-infra.jar diagram --write docs/architecture.md) -->";
    public static final String END = "<!-- diagram:end -->";

    @Spec
    CommandSpec spec;

    @Option(names = {"-s", "--stack"}, paramLabel = "ENV", defaultValue = "production",
            description = "Stack to draw. Default: ${DEFAULT-VALUE} (it has every kind of resource).")
    String stack;

    @Option(names = "--write", paramLabel = "FILE",
            description = "Markdown file whose diagram block to replace. Default: print to standard output.")
    Path target;

    @Option(names = "--project-dir", paramLabel = "DIR", defaultValue = ".",
            description = "Directory holding Pulumi.yaml and the stack files. Default: ${DEFAULT-VALUE}.")
    Path projectDir;

    @Override
    public Integer call() throws IOException {
        String block;
        try {
            block = block(projectDir, stack);
        } catch (InvalidSettingsException e) {
            e.problems().forEach(problem -> spec.commandLine().getErr().println("error: " + problem));
            return PreviewCommand.INVALID_SETTINGS;
        }
        if (target == null) {
            spec.commandLine().getOut().print(block);
            spec.commandLine().getOut().flush();
            return PreviewCommand.OK;
        }
        Files.writeString(target, replaceBlock(Files.readString(target), block));
        spec.commandLine().getOut().println("wrote the " + stack + " diagram into " + target);
        return PreviewCommand.OK;
    }

    /** The fenced Mermaid block for {@code stack}, between the markers. */
    public static String block(Path projectDir, String stack) {
        OfflineRun run = OfflineStack.run(projectDir, stack, Fixture.builtIn());
        if (!run.errors().isEmpty()) {
            throw new IllegalStateException("the program failed: " + run.errors());
        }
        return START + "\n```mermaid\n" + new MermaidDiagram(run).render() + "```\n" + END;
    }

    /** {@code markdown} with the text between the markers (inclusive) replaced by {@code block}. */
    public static String replaceBlock(String markdown, String block) {
        int start = markdown.indexOf(START);
        int end = markdown.indexOf(END);
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("the file has no diagram block; add the two lines\n" + START + "\n" + END);
        }
        return markdown.substring(0, start) + block + markdown.substring(end + END.length());
    }

    /** The diagram block committed in {@code markdown}. */
    public static String committedBlock(String markdown) {
        int start = markdown.indexOf(START);
        int end = markdown.indexOf(END);
        return start < 0 || end < start ? "" : markdown.substring(start, end + END.length());
    }
}
