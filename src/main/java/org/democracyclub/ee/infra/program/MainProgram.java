package org.democracyclub.ee.infra.program;

import com.pulumi.Context;
import java.nio.file.Path;
import org.democracyclub.ee.infra.policy.Suppressions;
import org.democracyclub.ee.infra.settings.ProjectFile;
import org.democracyclub.ee.infra.settings.SettingsReader;
import org.democracyclub.ee.infra.settings.StackConfig;
import org.democracyclub.ee.infra.settings.StackSettings;

/** The main program: the EveryElection stacks of {@code Pulumi.yaml} at the repository root. */
public final class MainProgram implements StackProgram<StackSettings> {
    public static final MainProgram INSTANCE = new MainProgram();

    private MainProgram() {
    }

    @Override
    public Path sources(Path projectDir) {
        return projectDir;
    }

    @Override
    public StackSettings settings(Path projectDir, StackConfig config) {
        return SettingsReader.read(ProjectFile.read(projectDir), config);
    }

    @Override
    public void declare(Context ctx, StackSettings settings, Suppressions suppressions, boolean update) {
        EveryElectionStack.stack(ctx, settings, suppressions, update);
    }
}
