package org.democracyclub.ee.ci;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * {@code .circleci/config.yml} read as CircleCI reads it, for tests: jobs with their steps
 * (reusable commands expanded) and the workflow's job entries.
 */
final class CircleCiConfig {
    static final Path FILE = Path.of(".circleci", "config.yml");

    /** One entry of a workflow: which job runs, under what name, where and after what. */
    record WorkflowJob(String name, String job, Map<String, Object> settings) {
        String type() {
            return (String) settings.get("type");
        }

        /** The job's {@code stack} parameter, or null. */
        String stack() {
            return (String) settings.get("stack");
        }

        List<String> contexts() {
            return strings(settings.get("context"));
        }

        List<String> requires() {
            return strings(settings.get("requires"));
        }

        List<String> branches(String kind) {
            Map<String, Object> filters = map(settings.get("filters"));
            return strings(map(filters.get("branches")).get(kind));
        }

        boolean hasBranchFilter() {
            return map(settings.get("filters")).containsKey("branches");
        }
    }

    /** One step of a job: its type ({@code run}, {@code checkout}, ...) and its settings. */
    record Step(String type, Map<String, Object> settings) {
        String command() {
            return (String) settings.get("command");
        }
    }

    private final Map<String, Object> root;

    private CircleCiConfig(Map<String, Object> root) {
        this.root = root;
    }

    static CircleCiConfig load() throws IOException {
        return new CircleCiConfig(map(new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(FILE))));
    }

    Map<String, Object> root() {
        return root;
    }

    Map<String, Object> jobs() {
        return map(root.get("jobs"));
    }

    Map<String, Object> job(String name) {
        return map(jobs().get(name));
    }

    /** The steps of a job, with reusable commands replaced by their own steps. */
    List<Step> steps(String jobName) {
        List<Step> steps = new ArrayList<>();
        expand(job(jobName).get("steps"), steps, 0);
        return steps;
    }

    /** The shell commands a job runs, in order. */
    List<String> runCommands(String jobName) {
        return steps(jobName).stream().filter(s -> s.type().equals("run")).map(Step::command).toList();
    }

    List<WorkflowJob> workflowJobs() {
        List<WorkflowJob> entries = new ArrayList<>();
        for (Object workflow : map(root.get("workflows")).values()) {
            if (!(workflow instanceof Map<?, ?>)) {
                continue; // the optional "version" key of 2.0 configs
            }
            for (Object entry : strings(map(workflow).get("jobs"), Object.class)) {
                if (entry instanceof String job) {
                    entries.add(new WorkflowJob(job, job, Map.of()));
                } else {
                    Map.Entry<String, Object> only = map(entry).entrySet().iterator().next();
                    Map<String, Object> settings = map(only.getValue());
                    String name = settings.containsKey("name") ? (String) settings.get("name") : only.getKey();
                    entries.add(new WorkflowJob(name, only.getKey(), settings));
                }
            }
        }
        return entries;
    }

    WorkflowJob workflowJob(String name) {
        return workflowJobs().stream().filter(j -> j.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no workflow job named " + name));
    }

    private void expand(Object stepList, List<Step> into, int depth) {
        if (depth > 5) {
            throw new AssertionError("commands nest too deeply (a cycle?)");
        }
        Map<String, Object> commands = map(root.get("commands"));
        for (Object step : strings(stepList, Object.class)) {
            String type;
            Map<String, Object> settings;
            if (step instanceof String name) {
                type = name;
                settings = Map.of();
            } else {
                Map.Entry<String, Object> only = map(step).entrySet().iterator().next();
                type = only.getKey();
                settings = only.getValue() instanceof String command ? Map.of("command", command) : map(only.getValue());
            }
            if (commands.containsKey(type)) {
                expand(map(commands.get(type)).get("steps"), into, depth + 1);
            } else {
                into.add(new Step(type, settings));
            }
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?>)) {
            throw new AssertionError("expected a mapping, got " + value);
        }
        return new LinkedHashMap<>((Map<String, Object>) value);
    }

    static List<String> strings(Object value) {
        return strings(value, String.class);
    }

    static <T> List<T> strings(Object value, Class<T> type) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(type::cast).toList();
        }
        return List.of(type.cast(value));
    }
}
