package org.democracyclub.ee.infra.preview;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.democracyclub.ee.infra.program.Stacks;
import org.junit.jupiter.api.Test;

class ArchitectureDiagramIT {
    private static final Path ARCHITECTURE = Path.of("docs/architecture.md");

    @Test
    void theCommittedDiagramIsWhatTheProgramDeclares() throws IOException {
        String committed = DiagramCommand.committedBlock(Files.readString(ARCHITECTURE));
        assertThat(committed)
                .as("docs/architecture.md is stale: run java -jar target/ee-infra.jar diagram --write docs/architecture.md")
                .isEqualTo(DiagramCommand.block(Stacks.PROJECT, "production"));
    }

    @Test
    void theDiagramShowsEveryComponentAndTheBlueGreenLinks() {
        String block = DiagramCommand.block(Stacks.PROJECT, "production");
        assertThat(block).contains("```mermaid", "flowchart LR", "subgraph", "ee-alb-tg<br/>",
                "EEDefaultDeploymentGroup<br/>", "ee-image-builder<br/>");
        assertThat(block.lines().filter(line -> line.contains("-->")).count()).isGreaterThan(20);
    }

    @Test
    void replacingTheBlockKeepsTheRestOfTheFile() {
        String markdown = "# Title\n\n" + DiagramCommand.START + "\nold\n" + DiagramCommand.END + "\n\nafter\n";
        assertThat(DiagramCommand.replaceBlock(markdown, "NEW")).isEqualTo("# Title\n\nNEW\n\nafter\n");
    }
}
