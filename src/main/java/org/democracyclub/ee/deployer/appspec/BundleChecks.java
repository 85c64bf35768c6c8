package org.democracyclub.ee.deployer.appspec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The checks that need the revision itself: sources and scripts exist (and scripts are
 * executable, as git must record them), and permissions only touch what {@code files} installs.
 */
final class BundleChecks {
    private final Findings findings;
    private final Path bundle;

    BundleChecks(Findings findings, Path bundle) {
        this.findings = findings;
        this.bundle = bundle.toAbsolutePath().normalize();
    }

    void check(AppSpec spec) {
        spec.files().forEach(this::source);
        spec.permissions().forEach(p -> permission(p, spec.files()));
        spec.hooks().values().forEach(hooks -> hooks.forEach(this::script));
    }

    private void source(FileMapping file) {
        Path source = inside(file.relativeSource(), file.line(), "source");
        if (source != null && !Files.exists(source)) {
            findings.add(file.line(), "files source '" + file.source() + "' does not exist in the revision ("
                    + source + ")", "fix the path; it is relative to the revision root, '/' for all of it");
        }
    }

    private void permission(AppSpec.Permission permission, List<FileMapping> files) {
        Path object = Path.of(permission.object()).normalize();
        boolean installed = permission.object().startsWith("/")
                && files.stream().anyMatch(f -> object.startsWith(Path.of(f.destination()).normalize()));
        if (!installed) {
            findings.add(permission.line(), "permissions object '" + permission.object()
                            + "' is outside every files destination, so the agent does not apply it",
                    "use a path under " + (files.isEmpty() ? "a files destination"
                            : String.join(" or ", files.stream().map(FileMapping::destination).toList())));
        }
    }

    private void script(Hook hook) {
        Path script = inside(hook.relativeLocation(), hook.line(), "location");
        if (script == null) {
            return;
        }
        if (!Files.isRegularFile(script)) {
            findings.add(hook.line(), hook.event() + " script '" + hook.location() + "' does not exist in the revision",
                    "fix the location (relative to the revision root) or add the script");
        } else if (!Files.isExecutable(script)) {
            findings.add(hook.line(), hook.event() + " script '" + hook.location() + "' is not executable",
                    "chmod +x " + hook.relativeLocation() + " and commit it (git update-index --chmod=+x)");
        }
    }

    /** The path inside the revision, or null after reporting one that climbs out of it. */
    private Path inside(String relative, int line, String what) {
        Path path = bundle.resolve(relative).normalize();
        if (!path.startsWith(bundle)) {
            findings.add(line, what + " '" + relative + "' points outside the revision", "use a path inside it");
            return null;
        }
        return path;
    }
}
