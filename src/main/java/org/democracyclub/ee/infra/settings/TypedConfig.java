package org.democracyclub.ee.infra.settings;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;

/**
 * Typed access to one stack's configuration keys, with their defaults from {@code Pulumi.yaml}.
 * Each accessor records a problem (file, line, key, value, what is allowed) instead of throwing,
 * so {@link SettingsReader} can report every problem at once.
 */
final class TypedConfig {
    private final ProjectFile project;
    private final StackConfig config;
    private final List<String> problems;

    TypedConfig(ProjectFile project, StackConfig config, List<String> problems) {
        this.project = project;
        this.config = config;
        this.problems = problems;
    }

    /** The full key of a project setting, e.g. {@code every-election:minSize}. */
    String key(String name) {
        return project.name() + ":" + name;
    }

    /** The value the stack sets, or {@code null}. */
    ConfigValue value(String name) {
        return config.values().get(key(name));
    }

    /** The stack's value as text, else the default declared in Pulumi.yaml. */
    String raw(String name) {
        ConfigValue value = value(name);
        if (value != null) {
            return value.text();
        }
        ConfigDeclaration declaration = project.declarations().get(name);
        if (declaration == null) {
            throw new IllegalStateException(name + " is read but not declared in " + ProjectFile.FILE_NAME);
        }
        return declaration.defaultValue();
    }

    /** Where a key's value comes from, for messages: the stack file and line, or the default. */
    String where(String name) {
        ConfigValue value = value(name);
        return value == null ? ProjectFile.FILE_NAME + " (default): " : where(value);
    }

    String where(ConfigValue value) {
        return config.fileName() + (value.line() > 0 ? " line " + value.line() : "") + ": ";
    }

    String text(String name, Pattern format, String allowed) {
        String value = raw(name);
        if (value == null || value.isBlank() || (format != null && !format.matcher(value).matches())) {
            problems.add(where(name) + key(name) + ": '" + (value == null ? "" : value) + "' is not valid; allowed: "
                    + (allowed == null ? "a non-empty value" : allowed));
        }
        return value;
    }

    Optional<String> optionalText(String name, Pattern format, String allowed) {
        String value = raw(name);
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        if (!format.matcher(value).matches()) {
            problems.add(where(name) + key(name) + ": '" + value + "' is not valid; allowed: " + allowed);
        }
        return Optional.of(value);
    }

    int integer(String name, IntPredicate valid, String allowed) {
        String value = raw(name);
        try {
            int number = Integer.parseInt(value == null ? "" : value.trim());
            if (valid.test(number)) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // reported below, with what is allowed
        }
        problems.add(where(name) + key(name) + ": '" + value + "' is not valid; allowed: " + allowed);
        return -1;
    }

    boolean bool(String name) {
        String value = raw(name);
        if ("true".equals(value) || "false".equals(value)) {
            return Boolean.parseBoolean(value);
        }
        problems.add(where(name) + key(name) + ": '" + value + "' is not valid; allowed: true or false");
        return false;
    }

    /** A value parsed by {@code parser}, whose message says what is allowed; null when invalid. */
    <T> T parsed(String name, Function<String, T> parser) {
        try {
            return parser.apply(raw(name));
        } catch (IllegalArgumentException e) {
            problems.add(where(name) + key(name) + ": " + e.getMessage());
            return null;
        }
    }
}
