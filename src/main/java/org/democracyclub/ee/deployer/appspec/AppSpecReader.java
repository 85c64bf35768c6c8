package org.democracyclub.ee.deployer.appspec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.democracyclub.ee.common.AppDefaults;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads the shape of an appspec from its YAML nodes (not from Java maps, which would lose line
 * numbers and silently merge duplicate keys) into an {@link AppSpec}, reporting what is wrong.
 * Checks that need the revision's files are in {@link BundleChecks}.
 */
final class AppSpecReader {
    private static final List<String> TOP_KEYS =
            List.of("version", "os", "files", "permissions", "hooks", "file_exists_behavior");
    private static final List<String> FILE_KEYS = List.of("source", "destination");
    private static final List<String> PERMISSION_KEYS =
            List.of("object", "pattern", "except", "owner", "group", "mode", "acls", "context", "type");
    private static final List<String> CONTEXT_KEYS = List.of("user", "type", "range");

    private final Findings findings;

    AppSpecReader(Findings findings) {
        this.findings = findings;
    }

    AppSpec read(MappingNode root) {
        Map<String, Node> top = findings.fields(root, "the appspec", TOP_KEYS, List.of("version", "os"));
        expect(top.get("version"), "version", "0.0", "version: 0.0 (the only version for EC2/on-premises)");
        expect(top.get("os"), "os", "linux", "os: linux (the instances run Linux; runas needs it)");
        List<FileMapping> files = top.containsKey("files") ? files(top.get("files")) : List.of();
        List<AppSpec.Permission> objects = top.containsKey("permissions") ? permissions(top.get("permissions")) : List.of();
        Map<LifecycleEvent, List<Hook>> hooks = top.containsKey("hooks")
                ? new HooksReader(findings).read(top.get("hooks")) : Map.of();
        return new AppSpec(files, objects, hooks, fileExistsBehavior(top.get("file_exists_behavior")));
    }

    private void expect(Node node, String key, String expected, String fix) {
        if (node != null && !Findings.scalar(node).orElse("").equals(expected)) {
            findings.add(node, key + " must be " + expected + ", not '" + Findings.scalar(node).orElse("(a structure)") + "'", fix);
        }
    }

    private List<FileMapping> files(Node node) {
        List<FileMapping> files = new ArrayList<>();
        for (Node entry : findings.sequence(node, "files").orElse(List.of())) {
            findings.mapping(entry, "a files entry").ifPresent(m -> {
                Map<String, Node> f = findings.fields(m, "a files entry", FILE_KEYS, FILE_KEYS);
                Optional<String> source = Optional.ofNullable(f.get("source")).flatMap(n -> findings.text(n, "source"));
                Optional<String> destination = Optional.ofNullable(f.get("destination"))
                        .flatMap(n -> findings.text(n, "destination"));
                destination.filter(d -> !d.startsWith("/")).ifPresent(d -> findings.add(f.get("destination"),
                        "destination '" + d + "' is not an absolute path", "write the full path, e.g. " + AppDefaults.ROOT));
                if (source.isPresent() && destination.filter(d -> d.startsWith("/")).isPresent()) {
                    files.add(new FileMapping(source.get(), destination.get(), Findings.line(m)));
                }
            });
        }
        return files;
    }

    /** The permission objects; the other fields are only checked for their names and shape. */
    private List<AppSpec.Permission> permissions(Node node) {
        List<AppSpec.Permission> objects = new ArrayList<>();
        for (Node entry : findings.sequence(node, "permissions").orElse(List.of())) {
            findings.mapping(entry, "a permissions entry").ifPresent(m -> {
                Map<String, Node> p = findings.fields(m, "a permissions entry", PERMISSION_KEYS, List.of("object"));
                Optional.ofNullable(p.get("object")).flatMap(n -> findings.text(n, "object"))
                        .ifPresent(o -> objects.add(new AppSpec.Permission(o, Findings.line(p.get("object")))));
                Optional.ofNullable(p.get("mode")).flatMap(n -> findings.text(n, "mode"))
                        .filter(mode -> !mode.matches("[0-7]{3,4}")).ifPresent(mode -> findings.add(p.get("mode"),
                                "mode '" + mode + "' is not an octal permission", "write e.g. mode: 644"));
                Optional.ofNullable(p.get("context")).flatMap(n -> findings.mapping(n, "context"))
                        .ifPresent(c -> findings.fields(c, "a permissions context", CONTEXT_KEYS, List.of()));
                Optional.ofNullable(p.get("type")).ifPresent(this::permissionTypes);
            });
        }
        return objects;
    }

    private void permissionTypes(Node node) {
        for (Node type : findings.sequence(node, "type").orElse(List.of())) {
            String value = Findings.scalar(type).orElse("");
            if (!value.equals("file") && !value.equals("directory")) {
                findings.add(type, "permission type '" + value + "' is unknown", "use file or directory");
            }
        }
    }

    private AppSpec.FileExistsBehavior fileExistsBehavior(Node node) {
        if (node == null) {
            return AppSpec.FileExistsBehavior.DISALLOW;
        }
        String value = Findings.scalar(node).orElse("");
        return Arrays.stream(AppSpec.FileExistsBehavior.values()).filter(b -> b.name().equals(value)).findFirst()
                .orElseGet(() -> {
                    findings.add(node, "file_exists_behavior '" + value + "' is unknown", "use DISALLOW, OVERWRITE or RETAIN");
                    return AppSpec.FileExistsBehavior.DISALLOW;
                });
    }
}
