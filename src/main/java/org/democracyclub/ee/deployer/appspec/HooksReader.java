package org.democracyclub.ee.deployer.appspec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.democracyclub.ee.common.AppDefaults;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/**
 * Reads the {@code hooks} section: event names, script entries, {@code runas} users and
 * timeouts, including the agent's 3600 s limit on the scripts of one event.
 */
final class HooksReader {
    private static final List<String> HOOK_KEYS = List.of("location", "timeout", "runas");

    private final Findings findings;

    HooksReader(Findings findings) {
        this.findings = findings;
    }

    Map<LifecycleEvent, List<Hook>> read(Node hooksNode) {
        Map<LifecycleEvent, List<Hook>> hooks = new EnumMap<>(LifecycleEvent.class);
        Optional<MappingNode> map = findings.mapping(hooksNode, "hooks");
        if (map.isEmpty()) {
            return Map.of();
        }
        for (NodeTuple tuple : map.get().getValue()) {
            Optional<LifecycleEvent> event = event(tuple.getKeyNode());
            if (event.isEmpty()) {
                continue;
            }
            if (hooks.containsKey(event.get())) {
                findings.add(tuple.getKeyNode(), "event " + event.get() + " is declared twice (YAML keeps only one)",
                        "put all its scripts in one list");
                continue;
            }
            List<Hook> scripts = scripts(event.get(), tuple.getValueNode());
            checkTotalTimeout(event.get(), tuple.getKeyNode(), scripts);
            hooks.put(event.get(), List.copyOf(scripts));
        }
        return Collections.unmodifiableMap(hooks);
    }

    private Optional<LifecycleEvent> event(Node keyNode) {
        String name = Findings.scalar(keyNode).orElse("");
        Optional<LifecycleEvent> event = LifecycleEvent.fromName(name);
        String valid = "valid EC2/on-premises events: " + String.join(", ", LifecycleEvent.scriptableNames());
        if (event.isEmpty()) {
            String hint = LifecycleEvent.OTHER_PLATFORM_EVENTS.contains(name) ? "that event exists only for ECS; "
                    : Suggestions.closest(name, LifecycleEvent.scriptableNames())
                            .map(s -> "did you mean " + s + "? ").orElse("");
            findings.add(keyNode, "unknown lifecycle event '" + name + "'", hint + valid);
        } else if (!event.get().scriptable()) {
            findings.add(keyNode, "lifecycle event " + name + " is the agent's own and cannot run scripts",
                    "move the scripts to another event; " + valid);
            return Optional.empty();
        }
        return event;
    }

    private List<Hook> scripts(LifecycleEvent event, Node value) {
        List<Hook> scripts = new ArrayList<>();
        Optional<List<Node>> entries = findings.sequence(value, "the scripts of " + event);
        if (entries.isPresent() && entries.get().isEmpty()) {
            findings.add(value, "event " + event + " has no scripts (the agent fails blank events)",
                    "remove the event or add a '- location: ...' entry");
        }
        for (Node entry : entries.orElse(List.of())) {
            findings.mapping(entry, "a script entry of " + event).ifPresent(m -> script(event, m).ifPresent(scripts::add));
        }
        return scripts;
    }

    private Optional<Hook> script(LifecycleEvent event, MappingNode entry) {
        String what = "a script entry of " + event;
        Map<String, Node> fields = findings.fields(entry, what, HOOK_KEYS, List.of("location"));
        Optional<String> location = Optional.ofNullable(fields.get("location"))
                .flatMap(n -> findings.text(n, "location"));
        Optional<String> runas = Optional.ofNullable(fields.get("runas")).flatMap(n -> findings.text(n, "runas"));
        runas.filter(user -> !AppDefaults.RUNAS_USERS.contains(user)).ifPresent(user ->
                findings.add(fields.get("runas"), "runas user '" + user + "' is not allowed",
                        "use one of: " + String.join(", ", AppDefaults.RUNAS_USERS)));
        Integer timeout = fields.containsKey("timeout") ? timeout(fields.get("timeout")) : Integer.valueOf(Hook.DEFAULT_TIMEOUT);
        if (location.isEmpty() || timeout == null) {
            return Optional.empty();
        }
        return Optional.of(new Hook(event, location.get(), timeout, runas, Findings.line(entry)));
    }

    /** The timeout in seconds, or null after reporting a value that is not a positive integer. */
    private Integer timeout(Node node) {
        String text = Findings.scalar(node).orElse("");
        if (text.matches("[0-9]{1,9}") && Integer.parseInt(text) > 0) {
            return Integer.parseInt(text);
        }
        findings.add(node, "timeout '" + text + "' is not a positive whole number of seconds",
                "write e.g. timeout: 300 (at most " + Hook.DEFAULT_TIMEOUT + ")");
        return null;
    }

    private void checkTotalTimeout(LifecycleEvent event, Node at, List<Hook> scripts) {
        int total = scripts.stream().mapToInt(Hook::timeoutSeconds).sum();
        if (total > Hook.DEFAULT_TIMEOUT) {
            long unset = scripts.stream().filter(h -> h.timeoutSeconds() == Hook.DEFAULT_TIMEOUT).count();
            findings.add(at, "the timeouts of " + event + " add up to " + total + " s, over the agent's limit of "
                            + Hook.DEFAULT_TIMEOUT + " s per event"
                            + (unset > 0 ? " (a script without timeout counts as " + Hook.DEFAULT_TIMEOUT + " s)" : ""),
                    "lower the timeouts so they sum to at most " + Hook.DEFAULT_TIMEOUT);
        }
    }
}
