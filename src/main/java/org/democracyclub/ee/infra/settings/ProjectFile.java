package org.democracyclub.ee.infra.settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.democracyclub.ee.common.StrictYaml;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * {@code Pulumi.yaml}: the project name and the declared configuration keys with their types and
 * defaults. It is the one place where keys and defaults are written; the settings reader uses it
 * both to fill defaults and to reject undeclared keys.
 */
public record ProjectFile(String name, Map<String, ConfigDeclaration> declarations) {

    public static final String FILE_NAME = "Pulumi.yaml";

    public static ProjectFile read(Path projectDir) {
        Path file = projectDir.resolve(FILE_NAME);
        Object root;
        try {
            root = StrictYaml.load(Files.readString(file));
        } catch (IOException e) {
            throw new InvalidSettingsException(List.of(file + ": cannot be read (" + e.getMessage()
                    + "); run from the project directory or pass --project-dir"));
        } catch (YAMLException e) {
            throw new InvalidSettingsException(List.of(file + ": not valid YAML: " + e.getMessage()));
        }
        if (!(root instanceof Map<?, ?> project) || !(project.get("name") instanceof String name)) {
            throw new InvalidSettingsException(List.of(file + ": has no project name"));
        }
        Map<String, ConfigDeclaration> declarations = new LinkedHashMap<>();
        if (project.get("config") instanceof Map<?, ?> config) {
            config.forEach((key, value) -> {
                if (value instanceof Map<?, ?> spec) {
                    Object def = spec.get("default");
                    declarations.put(key.toString(), new ConfigDeclaration(key.toString(),
                            String.valueOf(spec.get("type")), def == null ? null : def.toString(),
                            Boolean.TRUE.equals(spec.get("secret"))));
                }
            });
        }
        // Lists of records (jobs, busy windows...) cannot be typed in Pulumi's config block, whose
        // schema knows only string, integer, boolean and arrays of those; they are declared in
        // this block, which the Pulumi CLI ignores, and read here like the others.
        if (project.get(STRUCTURED_BLOCK) instanceof Map<?, ?> structured) {
            structured.forEach((key, value) -> {
                if (value instanceof Map<?, ?> spec) {
                    declarations.put(key.toString(), new ConfigDeclaration(key.toString(),
                            String.valueOf(spec.get("type")), asJson(spec.get("default")), false));
                }
            });
        }
        return new ProjectFile(name, Map.copyOf(declarations));
    }

    /** The top-level block of {@code Pulumi.yaml} declaring the structured (list) settings. */
    public static final String STRUCTURED_BLOCK = "structuredConfig";

    private static String asJson(Object value) {
        try {
            return value == null ? null : Json.MAPPER.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("YAML values are always JSON-serialisable", e);
        }
    }
}
