package org.democracyclub.ee.infra.preview;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.democracyclub.ee.bootstrap.BootstrapProgram;
import org.democracyclub.ee.infra.policy.ConfigEntry;
import org.democracyclub.ee.infra.policy.PolicyEngine;
import org.democracyclub.ee.infra.policy.PolicyInput;
import org.democracyclub.ee.infra.policy.PolicyReport;
import org.democracyclub.ee.infra.policy.StackFileConfig;
import org.democracyclub.ee.infra.settings.InvalidSettingsException;
import org.democracyclub.ee.infra.settings.ProjectFile;
import org.democracyclub.ee.infra.settings.StackConfig;
import org.democracyclub.ee.infra.settings.StackSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code preview --stack <env>}: what {@code cdk synth} gives CDK users. Runs the program for a
 * stack under Pulumi's mock engine, with the account answered by a fixture: no AWS
 * credentials, no Pulumi CLI.
 */
@Command(name = "preview", mixinStandardHelpOptions = true,
        description = "Run the program offline for one or more stacks and print what it declares.")
public final class PreviewCommand implements Callable<Integer> {
    public static final int OK = 0;
    static final int PROGRAM_FAILED = 1;
    public static final int INVALID_SETTINGS = 2;
    static final int POLICY_VIOLATIONS = 3;

    @Spec
    CommandSpec spec;

    @Option(names = {"-s", "--stack"}, paramLabel = "ENV", required = true, split = ",",
            description = "Stack(s) to preview: development, staging, production (repeat or comma-separate).")
    List<String> stacks;

    @Option(names = "--fixture", paramLabel = "FILE",
            description = "YAML file overriding the built-in look-up answers (see offline-fixture.yaml). Default: built-in.")
    Path fixtureFile;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (a resource tree) or json. Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--project-dir", paramLabel = "DIR", defaultValue = ".",
            description = "Directory holding Pulumi.yaml and the stack files. Default: ${DEFAULT-VALUE}.")
    Path projectDir;

    enum Format { text, json }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Fixture fixture;
        try {
            fixture = fixtureFile == null ? Fixture.builtIn() : Fixture.withOverrides(fixtureFile);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return INVALID_SETTINGS;
        }
        int status = OK;
        for (String stack : stacks) {
            status = Math.max(status, preview(stack, fixture, out, err));
        }
        out.flush();
        return status;
    }

    private int preview(String stack, Fixture fixture, PrintWriter out, PrintWriter err) {
        ProjectFile project;
        try {
            project = ProjectFile.read(projectDir);
        } catch (InvalidSettingsException e) {
            return invalid(stack, e.problems(), err);
        }
        if (Programs.forProject(project.name()) == BootstrapProgram.INSTANCE) {
            return previewBootstrap(stack, fixture, out, err);
        }
        StackSettings settings;
        OfflineRun run;
        try {
            settings = OfflineStack.settings(project, projectDir, stack);
            run = OfflineStack.run(project.name(), settings, fixture);
        } catch (InvalidSettingsException e) {
            return invalid(stack, e.problems(), err);
        }
        if (!run.errors().isEmpty()) {
            return failed(stack, run.errors(), err);
        }
        PolicyReport policy = OfflineStack.policy(projectDir, settings, run);
        PreviewReport report = new PreviewReport(stack, run, policy, settings.originVerifySecret().accepted(),
                notes(settings));
        out.println(format == Format.json ? report.json() : report.text());
        return policy.passed() ? OK : POLICY_VIOLATIONS;
    }

    /** The account bootstrap ({@code --project-dir bootstrap}): its resources and the CI role's policies. */
    private int previewBootstrap(String stack, Fixture fixture, PrintWriter out, PrintWriter err) {
        List<String> notes = new ArrayList<>(List.of(fixtureNote()));
        OfflineRun run;
        try {
            run = OfflineBootstrap.run(projectDir, stack, fixture, notes);
        } catch (InvalidSettingsException e) {
            return invalid(stack, e.problems(), err);
        }
        if (!run.errors().isEmpty()) {
            return failed(stack, run.errors(), err);
        }
        PolicyReport policy = PolicyEngine.standard().evaluate(new PolicyInput(stack, run.resources(),
                run.stackOutputs(), stackFileConfig(stack), run.suppressions()));
        PreviewReport report = new PreviewReport("bootstrap " + stack, run, policy, List.of(), notes);
        out.println(format == Format.json ? report.json() : report.text());
        return policy.passed() ? OK : POLICY_VIOLATIONS;
    }

    private List<ConfigEntry> stackFileConfig(String stack) {
        return StackFileConfig.read(projectDir.resolve(StackConfig.fileNameOf(stack)));
    }

    private static int invalid(String stack, List<String> problems, PrintWriter err) {
        err.println("error: stack " + stack + " has invalid settings:");
        problems.forEach(problem -> err.println("  - " + problem));
        err.flush();
        return INVALID_SETTINGS;
    }

    private static int failed(String stack, List<String> errors, PrintWriter err) {
        err.println("error: the program failed for stack " + stack + ":");
        errors.forEach(problem -> err.println("  - " + problem));
        err.flush();
        return PROGRAM_FAILED;
    }

    private String fixtureNote() {
        return "look-ups answered by " + (fixtureFile == null ? "the built-in fixture" : fixtureFile)
                + "; no AWS account was contacted";
    }

    private List<String> notes(StackSettings settings) {
        List<String> notes = new ArrayList<>();
        notes.add(fixtureNote());
        if (!settings.originVerifySecret().known()) {
            notes.add("originVerifySecret is a Pulumi secret that cannot be read offline; shown as " + PreviewReport.MASK);
        }
        return notes;
    }
}
