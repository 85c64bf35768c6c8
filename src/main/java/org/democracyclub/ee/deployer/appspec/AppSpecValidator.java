package org.democracyclub.ee.deployer.appspec;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.democracyclub.ee.common.Problem;
import org.democracyclub.ee.common.RevisionLayout;
import org.democracyclub.ee.common.StrictYaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Strict validation of a revision's appspec for EC2/on-premises: what the CodeDeploy agent would
 * reject, and what it would silently ignore (unknown keys such as {@code runs:}). Reports every
 * problem, not just the first.
 */
public final class AppSpecValidator {
    private AppSpecValidator() {
    }

    /**
     * Validates the revision's appspec: {@code appspec.yaml} at its root, or the agent's older
     * default name {@code appspec.yml}. Both at once is ambiguous and rejected.
     */
    public static Validation validate(Path bundle) {
        Path preferred = bundle.resolve(RevisionLayout.SOURCE_APPSPEC);
        Path legacy = bundle.resolve(RevisionLayout.BUNDLE_APPSPEC);
        if (Files.exists(preferred) && Files.exists(legacy)) {
            Validation content = validate(bundle, preferred);
            Problem both = new Problem(legacy, 1, "the revision has both " + RevisionLayout.SOURCE_APPSPEC + " and "
                    + RevisionLayout.BUNDLE_APPSPEC + "; agents differ in which they read",
                    "git rm " + RevisionLayout.BUNDLE_APPSPEC);
            return new Validation(preferred, content.spec(),
                    Stream.concat(Stream.of(both), content.problems().stream()).toList());
        }
        return validate(bundle, Files.exists(legacy) ? legacy : preferred);
    }

    /** Validates the given appspec file, resolving scripts and sources against {@code bundle}. */
    public static Validation validate(Path bundle, Path file) {
        Findings findings = new Findings(file);
        AppSpec empty = new AppSpec(List.of(), List.of(), Map.of(), AppSpec.FileExistsBehavior.DISALLOW);
        Node root;
        try (Reader reader = Files.newBufferedReader(file)) {
            root = StrictYaml.compose(reader);
        } catch (IOException e) {
            findings.add(1, "cannot read the appspec: " + e, "put " + RevisionLayout.SOURCE_APPSPEC + " at the revision root");
            return new Validation(file, empty, findings.problems());
        } catch (StrictYaml.SyntaxError e) {
            // With a line, SnakeYAML marked the place (most often an indentation mistake).
            findings.add(Math.max(e.line(), 1), "not valid YAML: " + e.reason(), e.line() > 0
                    ? "fix the YAML syntax (indent with spaces)" : "fix the YAML syntax");
            return new Validation(file, empty, findings.problems());
        }
        if (!(root instanceof MappingNode map)) {
            findings.add(root == null ? 1 : Findings.line(root), "the appspec is empty or not a mapping",
                    "start with version: 0.0 and os: linux");
            return new Validation(file, empty, findings.problems());
        }
        AppSpec spec = new AppSpecReader(findings).read(map);
        new BundleChecks(findings, bundle).check(spec);
        List<Problem> sorted = findings.problems().stream()
                .sorted(Comparator.comparingInt(Problem::line)).toList();
        return new Validation(file, spec, sorted);
    }
}
