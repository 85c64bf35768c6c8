package org.democracyclub.ee.infra.program;

import com.pulumi.Context;
import java.nio.file.Path;
import org.democracyclub.ee.infra.policy.Suppressions;
import org.democracyclub.ee.infra.settings.InvalidSettingsException;
import org.democracyclub.ee.infra.settings.StackConfig;

/**
 * A Pulumi program this jar runs: the main stacks ({@link MainProgram}) or the account bootstrap.
 * Both are run the same way, under the engine and offline: read the stack's raw configuration
 * into validated settings (failing with every problem at once), then declare the resources.
 * Which program a project is, is decided once, by the entry points' {@code Programs}.
 *
 * @param <S> the program's validated settings
 */
public interface StackProgram<S> {

    /** The folder holding the sources the jar was built from, for the staleness check. */
    Path sources(Path projectDir);

    /**
     * The settings of one stack from its raw configuration (the stack file, or what the engine
     * passes).
     *
     * @throws InvalidSettingsException with every problem found
     */
    S settings(Path projectDir, StackConfig config);

    /**
     * Declares the stack's resources.
     *
     * @param update whether this is {@code pulumi up} (not a preview)
     */
    void declare(Context ctx, S settings, Suppressions suppressions, boolean update);
}
