package org.democracyclub.ee.infra.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComponentDocumentsIT {

    @TempDir
    Path dir;

    /** A valid document; each test breaks one thing in it. Line numbers are noted on the right. */
    private static final String VALID = """
            name: test-component
            description: A component for the validator's tests.
            schemaVersion: 1.0
            parameters:
              - username:
                  type: string
                  description: The user.
            phases:
              - name: build
                steps:
                  - name: Greet
                    action: ExecuteBash
                    inputs:
                      commands:
                        - |
                          set -euo pipefail
                          echo 'hello {{ username }}'
              - name: test
                steps:
                  - name: UseOutput
                    action: ExecuteBash
                    inputs:
                      commands:
                        - 'echo "{{ build.Greet.outputs.stdout }}"'
            """;

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name + ".yml"), content, StandardCharsets.UTF_8);
    }

    private List<ComponentDocument> load(String... order) {
        return ComponentDocuments.load(dir, List.of(order));
    }

    private String messageOf(String content) throws IOException {
        write("broken", content);
        try {
            load("broken");
        } catch (InvalidComponentDocumentException e) {
            return e.getMessage();
        }
        throw new AssertionError("the document was accepted:\n" + content);
    }

    @Test
    @DisplayName("the repository's component documents are valid, in recipe order")
    void repositoryDocuments() {
        List<ComponentDocument> documents = ComponentDocuments.load();
        List<String> keys = documents.stream().map(ComponentDocument::key).toList();
        assertThat(keys.get(0)).isEqualTo("ec2-instance-connect");
        assertThat(keys.subList(1, keys.size() - 1)).isNotEmpty()
                .allSatisfy(k -> assertThat(k).matches("revision-files-\\d+"));
        assertThat(keys.get(keys.size() - 1)).isEqualTo("install-app");
        assertThat(documents).allSatisfy(d -> assertThat(d.name()).isEqualTo("ee-" + d.key()));
        ComponentDocument install = documents.get(documents.size() - 1);
        assertThat(install.parameterNames())
                .containsExactly("gitRef", "repository", "excludedAppPaths", "djangoSettingsModule");
        // The image runs the hooks' own files: no unit, writer or pin of its own.
        assertThat(install.content()).contains("ee-deploy/hooks/install_system.sh", "install_python_deps.sh")
                .doesNotContain("gunicorn.service", "get-parameters-by-path", "uv>=", "repo/");
        // Migrations only in the test phase, on a throw-away local database; none while building.
        String content = install.content();
        assertThat(content.substring(0, content.indexOf("- name: test"))).doesNotContain("migrate");
        assertThat(content.substring(content.indexOf("- name: test"))).contains("local_database.sh",
                "/manage-py-command\" migrate --noinput");
        assertThat(documents).allSatisfy(d -> assertThat(d.content().length()).isLessThanOrEqualTo(16000));
    }

    @Test
    @DisplayName("the generated components write every file of ee-deploy/ exactly, with its mode")
    void revisionFilesAreEmbeddedExactly(@TempDir Path out) throws Exception {
        StringBuilder script = new StringBuilder();
        for (ComponentDocument d : ComponentDocuments.load()) {
            if (d.key().startsWith("revision-files-")) {
                java.util.Map<String, Object> doc = new org.yaml.snakeyaml.Yaml().load(d.content());
                @SuppressWarnings("unchecked")
                var phases = (List<java.util.Map<String, Object>>) doc.get("phases");
                @SuppressWarnings("unchecked")
                var steps = (List<java.util.Map<String, Object>>) phases.get(0).get("steps");
                @SuppressWarnings("unchecked")
                var commands = (List<String>) ((java.util.Map<String, Object>) steps.get(0).get("inputs")).get("commands");
                script.append(commands.get(0).replace("/opt/every_election/image-bundle", out.toString())).append('\n');
            }
        }
        Process bash = new ProcessBuilder("bash", "-c", script.toString()).redirectErrorStream(true).start();
        String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.waitFor()).as(output).isZero();
        Path revision = Path.of("ee-deploy");
        try (var files = Files.walk(revision)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path copy = out.resolve("ee-deploy").resolve(revision.relativize(file).toString());
                assertThat(copy).as(file.toString()).hasSameBinaryContentAs(file);
                assertThat(Files.isExecutable(copy)).as(file.toString()).isEqualTo(Files.isExecutable(file));
            }
        }
        try (var copies = Files.walk(out.resolve("ee-deploy"))) {
            try (var originals = Files.walk(revision)) {
                assertThat(copies.filter(Files::isRegularFile).count())
                        .isEqualTo(originals.filter(Files::isRegularFile).count());
            }
        }
    }

    @Test
    @DisplayName("a valid document keeps its exact text and declared parameters")
    void validDocument() throws IOException {
        write("valid", VALID);
        ComponentDocument document = load("valid").get(0);
        assertThat(document.content()).isEqualTo(VALID);
        assertThat(document.parameterNames()).containsExactly("username");
        assertThat(document.description()).isEqualTo("A component for the validator's tests.");
    }

    @Test
    @DisplayName("an undeclared parameter is reported with the file and the line where it is used")
    void undeclaredParameter() throws IOException {
        String message = messageOf(VALID.replace("echo 'hello {{ username }}'", "echo 'hello {{ userName }}'"));
        assertThat(message).contains(dir.resolve("broken.yml") + ":17: parameter 'userName' is used in step 'Greet'"
                + " but not declared under parameters (declared: username)");
    }

    @Test
    @DisplayName("an unknown action is reported with its line")
    void unknownAction() throws IOException {
        String message = messageOf(VALID.replace("action: ExecuteBash\n        inputs:\n          commands:\n            - |",
                "action: ExecuteShell\n        inputs:\n          commands:\n            - |"));
        assertThat(message).contains(dir.resolve("broken.yml") + ":12: unknown action 'ExecuteShell' in step 'Greet'"
                + " (AWSTOE actions: AppendFile, Assert, CopyFile,");
    }

    @Test
    @DisplayName("a duplicate step name within a phase is reported at the second step")
    void duplicateStep() throws IOException {
        String message = messageOf(VALID.replace("name: UseOutput", "name: Again")
                + "      - name: Again\n        action: ExecuteBash\n        inputs:\n          commands:\n            - 'true'\n");
        assertThat(message).contains(dir.resolve("broken.yml") + ":25: duplicate step name 'Again' in phase 'test'");
    }

    @Test
    @DisplayName("the same step name in two phases is allowed")
    void sameStepNameInTwoPhases() throws IOException {
        write("ok", VALID.replace("name: UseOutput", "name: Greet"));
        assertThat(load("ok")).hasSize(1);
    }

    @Test
    @DisplayName("a phase other than build, validate and test is reported with its line")
    void badPhase() throws IOException {
        String message = messageOf(VALID.replace("- name: test", "- name: testing"));
        assertThat(message).contains(dir.resolve("broken.yml") + ":18: phase 'testing' is not one of build, validate, test");
    }

    @Test
    @DisplayName("a YAML syntax error is reported with the line of the problem")
    void yamlSyntaxError() throws IOException {
        String message = messageOf(VALID.replace("    steps:\n      - name: Greet", "    steps:\n      - name: Greet\n     bad: [unclosed"));
        assertThat(message).contains(dir.resolve("broken.yml") + ":12: not valid YAML:");
    }

    @Test
    @DisplayName("schemaVersion must be 1.0")
    void schemaVersion() throws IOException {
        String message = messageOf(VALID.replace("schemaVersion: 1.0", "schemaVersion: 2.0"));
        assertThat(message).contains(dir.resolve("broken.yml") + ":3: schemaVersion must be 1.0, found '2.0'");
    }

    @Test
    @DisplayName("a step name that cannot be referenced is refused")
    void badStepName() throws IOException {
        String message = messageOf(VALID.replace("name: Greet", "name: Greet the user"));
        assertThat(message).contains(":11: step name 'Greet the user' must be 1 to 128 letters, digits, '-' or '_'");
    }

    @Test
    @DisplayName("a chaining reference to a step that does not exist is reported")
    void missingChainedStep() throws IOException {
        String message = messageOf(VALID.replace("build.Greet.outputs", "build.Welcome.outputs"));
        assertThat(message).contains(":24: '{{ build.Welcome.outputs.stdout }}' refers to step 'Welcome' in phase 'build',"
                + " which this document does not have");
    }

    @Test
    @DisplayName("an unquoted {{ }} expression, which YAML reads as a mapping, is reported")
    void unquotedExpression() throws IOException {
        String message = messageOf(VALID.replace("- 'echo \"{{ build.Greet.outputs.stdout }}\"'", "- {{ username }}"));
        assertThat(message).contains(":24: an unquoted {{ ... }} expression is read by YAML as a mapping: put the value in quotes");
    }

    @Test
    @DisplayName("an unknown top-level key (a typo) is reported, not ignored")
    void unknownKey() throws IOException {
        String message = messageOf(VALID.replace("parameters:", "parameter:"));
        assertThat(message).contains(":4: unknown key 'parameter' in document");
    }

    @Test
    @DisplayName("every problem of every file is reported at once")
    void allProblemsTogether() throws IOException {
        write("first", VALID.replace("ExecuteBash", "RunBash"));
        write("second", VALID.replace("- name: build", "- name: install"));
        assertThatThrownBy(() -> load("first", "second"))
                .isInstanceOfSatisfying(InvalidComponentDocumentException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.file().getFileName().toString() + ":" + p.line())
                        // second.yml:24 is the reference to build.Greet, gone with the renamed phase
                        .containsExactly("first.yml:12", "first.yml:21", "second.yml:9", "second.yml:24"));
    }

    @Test
    @DisplayName("a listed component without its file, and a file that is not listed, are both errors")
    void listedAndPresentFilesMatch() throws IOException {
        write("extra", VALID);
        assertThatThrownBy(() -> load("absent"))
                .hasMessageContaining(dir.resolve("absent.yml") + ": missing: component 'absent' is listed in ComponentDocuments.ORDER")
                .hasMessageContaining(dir.resolve("extra.yml") + ": not a listed component: add 'extra' to ComponentDocuments.ORDER");
    }

    @Test
    @DisplayName("a file that is not UTF-8 is refused")
    void notUtf8() throws IOException {
        Files.write(dir.resolve("latin.yml"), new byte[] {'n', 'a', 'm', 'e', ':', ' ', (byte) 0xE9});
        assertThatThrownBy(() -> load("latin")).hasMessageContaining("latin.yml: not UTF-8 text");
    }
}
