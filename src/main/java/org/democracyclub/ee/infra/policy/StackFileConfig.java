package org.democracyclub.ee.infra.policy;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads a stack file's {@code config:} block into {@link ConfigEntry}s for EE-SEC-2: a value
 * written as {@code {secure: ...}} is encrypted, anything else is plain text in git.
 */
public final class StackFileConfig {
    private StackFileConfig() {
    }

    public static List<ConfigEntry> read(Path stackFile) throws IOException {
        try (Reader reader = Files.newBufferedReader(stackFile, StandardCharsets.UTF_8)) {
            Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            return entries(root);
        }
    }

    /** The entries of an already-parsed stack file (a YAML map with a {@code config} map). */
    public static List<ConfigEntry> entries(Object stackFile) {
        List<ConfigEntry> result = new ArrayList<>();
        for (Map.Entry<?, ?> e : Props.object(stackFile, "config").entrySet()) {
            String key = String.valueOf(e.getKey());
            Object value = e.getValue();
            boolean secure = value instanceof Map<?, ?> m && m.size() == 1 && m.containsKey("secure");
            result.add(new ConfigEntry(key, secure, secure || value == null ? null : String.valueOf(value)));
        }
        return result;
    }
}
