package org.democracyclub.ee.infra;

import com.pulumi.Pulumi;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.democracyclub.ee.infra.policy.Suppressions;
import org.democracyclub.ee.infra.preview.DiagramCommand;
import org.democracyclub.ee.infra.preview.PreviewCommand;
import org.democracyclub.ee.infra.preview.Programs;
import org.democracyclub.ee.infra.program.StackProgram;
import org.democracyclub.ee.infra.settings.InvalidSettingsException;
import org.democracyclub.ee.infra.settings.StackConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * {@code target/ee-infra.jar}: the Pulumi program when the Pulumi engine starts it (through
 * {@code runtime.options.binary} in Pulumi.yaml), and the offline command line otherwise.
 */
@Command(name = "ee-infra", mixinStandardHelpOptions = true,
        description = "The EveryElection Pulumi program. Run by 'pulumi preview/up'; offline: 'preview'.",
        subcommands = {PreviewCommand.class, DiagramCommand.class, CommandLine.HelpCommand.class})
public final class InfraMain {
    /** Set by the Pulumi language host when it runs a program. */
    static final String ENGINE_MONITOR = "PULUMI_MONITOR";

    public static void main(String[] args) {
        AsyncPool.useSharedPool();
        if (System.getenv(ENGINE_MONITOR) != null) {
            runUnderEngine(System.getenv());
            return;
        }
        Optional<List<String>> faster = SharedArchive.relaunchCommand(args);
        if (faster.isPresent()) {
            OptionalInt status = SharedArchive.run(faster.get());
            if (status.isPresent()) {
                System.exit(status.getAsInt());
            }
        }
        System.exit(new CommandLine(new InfraMain()).execute(args));
    }

    private static void runUnderEngine(Map<String, String> environment) {
        runUnderEngine(Programs.underEngine(environment), Path.of("").toAbsolutePath(), environment);
    }

    /**
     * Either program the same way: the jar built from these sources, the settings from the
     * configuration the engine passes (every problem at once, exit 2), then the resources.
     */
    private static <S> void runUnderEngine(StackProgram<S> program, Path projectDir, Map<String, String> environment) {
        SourceFingerprint.staleness(program.sources(projectDir)).ifPresent(problem -> {
            System.err.println("error: " + problem);
            System.exit(1);
        });
        String stack = Programs.engineStack(environment);
        S settings;
        try {
            settings = program.settings(projectDir, StackConfig.fromEngine(stack, environment));
        } catch (InvalidSettingsException e) {
            System.err.println("error: stack " + stack + " has invalid settings:");
            e.problems().forEach(problem -> System.err.println("  - " + problem));
            System.exit(2);
            return;
        }
        Pulumi.run(ctx -> program.declare(ctx, settings, new Suppressions(),
                !com.pulumi.deployment.Deployment.getInstance().isDryRun()));
    }
}
