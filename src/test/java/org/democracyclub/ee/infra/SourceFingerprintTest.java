package org.democracyclub.ee.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceFingerprintTest {
    @TempDir
    Path project;

    @BeforeEach
    void aSmallProject() throws IOException {
        Files.createDirectories(project.resolve("src/main/java"));
        Files.writeString(project.resolve("pom.xml"), "<project/>");
        Files.writeString(project.resolve("src/main/java/App.java"), "class App {}");
    }

    @Test
    void theSameSourcesGiveTheSameFingerprint() {
        assertThat(SourceFingerprint.of(project)).isEqualTo(SourceFingerprint.of(project)).hasSize(64);
    }

    @Test
    void touchingAFileWithoutChangingItKeepsTheFingerprint() throws IOException {
        String before = SourceFingerprint.of(project);
        Files.setLastModifiedTime(project.resolve("pom.xml"), java.nio.file.attribute.FileTime.fromMillis(0));
        assertThat(SourceFingerprint.of(project)).isEqualTo(before);
    }

    @Test
    void changingOneByteChangesTheFingerprint() throws IOException {
        String before = SourceFingerprint.of(project);
        Files.writeString(project.resolve("src/main/java/App.java"), "class App { }");
        assertThat(SourceFingerprint.of(project)).isNotEqualTo(before);
    }

    @Test
    void addingOrRenamingAFileChangesTheFingerprint() throws IOException {
        String before = SourceFingerprint.of(project);
        Files.move(project.resolve("src/main/java/App.java"), project.resolve("src/main/java/Main.java"));
        assertThat(SourceFingerprint.of(project)).isNotEqualTo(before);
    }

    @Test
    void testsAndDocsDoNotCount() throws IOException {
        String before = SourceFingerprint.of(project);
        Files.createDirectories(project.resolve("src/test"));
        Files.writeString(project.resolve("src/test/T.java"), "class T {}");
        Files.writeString(project.resolve("README.md"), "# hello");
        assertThat(SourceFingerprint.of(project)).isEqualTo(before);
    }
}
