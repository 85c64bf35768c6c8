package org.democracyclub.ee.infra.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** Pulumi.yaml runs the prebuilt jar and declares every key with type, description and default. */
class ProjectFileTest {
    @SuppressWarnings("unchecked")
    private static Map<String, Object> project() throws IOException {
        return new Yaml().load(Files.readString(Path.of("Pulumi.yaml")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void runsThePrebuiltJarWithTheJavaRuntime() throws IOException {
        Map<String, Object> runtime = (Map<String, Object>) project().get("runtime");
        assertThat(runtime.get("name")).isEqualTo("java");
        assertThat((Map<String, Object>) runtime.get("options")).containsEntry("binary", "target/ee-infra.jar");
    }

    @Test
    @SuppressWarnings("unchecked")
    void declaresEveryKeyWithTypeAndDescription() throws IOException {
        Map<String, Object> config = (Map<String, Object>) project().get("config");
        assertThat(config).isNotEmpty();
        config.forEach((key, spec) -> {
            Map<String, Object> declaration = (Map<String, Object>) spec;
            assertThat(declaration).as(key).containsKeys("type", "description");
            assertThat(declaration.get("type")).as(key).isIn("string", "integer", "boolean");
            if (!Boolean.TRUE.equals(declaration.get("secret"))) {
                assertThat(declaration).as(key + " needs a default").containsKey("default");
            }
        });
    }

    @Test
    void theProjectNameIsTheConfigurationNamespaceOfTheStackFiles() throws IOException {
        String name = ProjectFile.read(Path.of(".")).name();
        for (String stack : StackFiles.ALL) {
            assertThat(Files.readString(Path.of("Pulumi." + stack + ".yaml"))).contains(name + ":instanceType");
        }
    }
}
