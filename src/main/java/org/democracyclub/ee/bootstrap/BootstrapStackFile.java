package org.democracyclub.ee.bootstrap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * A bootstrap stack file's {@code config:} block as plain strings. Pulumi's test harness ignores
 * stack configuration, so tests and the program both read the file through this class.
 */
record BootstrapStackFile(String displayName, Map<String, String> config) {

    static BootstrapStackFile read(Path projectDir, String stack) {
        Path path = projectDir.resolve("Pulumi." + stack + ".yaml");
        String displayName = "bootstrap/" + path.getFileName();
        String text;
        try {
            text = Files.readString(path);
        } catch (NoSuchFileException e) {
            throw problem(displayName + ": no such file; create it with: pulumi -C bootstrap stack init " + stack);
        } catch (IOException e) {
            throw problem(displayName + ": cannot be read: " + e.getMessage());
        }
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        } catch (YAMLException e) {
            throw problem(displayName + ": is not valid YAML: " + e.getMessage());
        }
        if (root == null) {
            return new BootstrapStackFile(displayName, Map.of());
        }
        if (!(root instanceof Map<?, ?> top)) {
            throw problem(displayName + ": must be a YAML mapping with a config: block");
        }
        Object config = top.get("config");
        if (config == null) {
            return new BootstrapStackFile(displayName, Map.of());
        }
        if (!(config instanceof Map<?, ?> entries)) {
            throw problem(displayName + ": config: must be a mapping of key: value");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : entries.entrySet()) {
            String key = String.valueOf(entry.getKey());
            if (entry.getValue() instanceof Map<?, ?> || entry.getValue() instanceof List<?>) {
                // The bootstrap has no secret and no structured setting; a {secure: ...} value
                // here means something was set with --secret by mistake.
                throw problem(displayName + ": " + key + " must be a plain value, not "
                        + (entry.getValue() instanceof Map<?, ?> ? "a mapping (a secret?)" : "a list"));
            }
            values.put(key, entry.getValue() == null ? null : String.valueOf(entry.getValue()));
        }
        return new BootstrapStackFile(displayName, values);
    }

    private static BootstrapSettingsException problem(String message) {
        return new BootstrapSettingsException(List.of(message));
    }
}
