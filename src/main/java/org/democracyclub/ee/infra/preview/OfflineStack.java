package org.democracyclub.ee.infra.preview;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.democracyclub.ee.infra.program.EveryElectionStack;
import org.democracyclub.ee.infra.policy.ConfigEntry;
import org.democracyclub.ee.infra.policy.PolicyEngine;
import org.democracyclub.ee.infra.policy.PolicyInput;
import org.democracyclub.ee.infra.policy.PolicyReport;
import org.democracyclub.ee.infra.policy.StackFileConfig;
import org.democracyclub.ee.infra.settings.InvalidSettingsException;
import org.democracyclub.ee.infra.settings.ProjectFile;
import org.democracyclub.ee.infra.settings.SettingsReader;
import org.democracyclub.ee.infra.settings.StackConfig;
import org.democracyclub.ee.infra.settings.StackSettings;

/** The EveryElection program run offline for one stack, from the real project and stack files. */
public final class OfflineStack {
    private OfflineStack() {
    }

    /** The policy rules over what {@code run} declared for the stack in {@code projectDir}. */
    public static PolicyReport policy(Path projectDir, StackSettings settings, OfflineRun run) {
        Path stackFile = projectDir.resolve(StackConfig.fileNameOf(settings.environment().stackName()));
        List<ConfigEntry> config = StackFileConfig.read(stackFile);
        return PolicyEngine.standard().evaluate(new PolicyInput(settings.environment().stackName(), run.resources(),
                run.stackOutputs(), config, run.suppressions()));
    }

    /** Reads and validates the stack's settings as {@code pulumi} would give them to the program. */
    public static StackSettings settings(Path projectDir, String stack) {
        return settings(ProjectFile.read(projectDir), projectDir, stack);
    }

    /** The same, with {@code Pulumi.yaml} already read (a caller also needing its name reads it once). */
    public static StackSettings settings(ProjectFile project, Path projectDir, String stack) {
        return SettingsReader.read(project, StackConfig.fromStackFile(projectDir, stack));
    }

    /**
     * Runs the program for {@code stack}.
     *
     * @throws InvalidSettingsException when the stack file or the values set by hand in the
     *                                  account (the fixture, here) are invalid
     */
    public static OfflineRun run(Path projectDir, String stack, Fixture fixture) {
        ProjectFile project = ProjectFile.read(projectDir);
        return run(project.name(), settings(project, projectDir, stack), fixture);
    }

    public static OfflineRun run(String project, StackSettings settings, Fixture fixture) {
        AtomicReference<InvalidSettingsException> invalid = new AtomicReference<>();
        OfflineRun run = OfflineRun.of(project, settings.environment().stackName(), settings.region(), fixture,
                (ctx, suppressions) -> {
                    try {
                        EveryElectionStack.stack(ctx, settings, suppressions);
                    } catch (InvalidSettingsException e) {
                        invalid.set(e);
                        throw e;
                    }
                });
        if (invalid.get() != null) {
            throw invalid.get();
        }
        return run;
    }
}
