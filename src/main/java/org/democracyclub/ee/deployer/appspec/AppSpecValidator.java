package org.democracyclub.ee.deployer.appspec;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.democracyclub.ee.common.AppDefaults;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
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
        Path preferred = bundle.resolve(AppDefaults.APPSPEC_FILE);
        Path legacy = bundle.resolve(AppDefaults.LEGACY_APPSPEC_FILE);
        if (Files.exists(preferred) && Files.exists(legacy)) {
            Validation content = validate(bundle, preferred);
            Problem both = new Problem(legacy, 1, "the revision has both " + AppDefaults.APPSPEC_FILE + " and "
                    + AppDefaults.LEGACY_APPSPEC_FILE + "; agents differ in which they read",
                    "git rm " + AppDefaults.LEGACY_APPSPEC_FILE);
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
            root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(reader);
        } catch (IOException e) {
            findings.add(1, "cannot read the appspec: " + e, "put " + AppDefaults.APPSPEC_FILE + " at the revision root");
            return new Validation(file, empty, findings.problems());
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1;
            findings.add(line, "not valid YAML: " + e.getProblem(), "fix the YAML syntax (indent with spaces)");
            return new Validation(file, empty, findings.problems());
        } catch (YAMLException e) {
            findings.add(1, "not valid YAML: " + e.getMessage(), "fix the YAML syntax");
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
