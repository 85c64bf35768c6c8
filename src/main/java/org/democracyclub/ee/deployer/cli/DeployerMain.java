package org.democracyclub.ee.deployer.cli;

import org.democracyclub.ee.deployer.ExitCode;
import org.democracyclub.ee.deployer.appspec.ValidateAppspecCommand;
import org.democracyclub.ee.deployer.local.LocalCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** {@code java -jar target/ee-deployer.jar <command>}: ships a commit with CodeDeploy. */
@Command(name = "ee-deployer",
        mixinStandardHelpOptions = true,
        versionProvider = DeployerMain.Version.class,
        description = "Deploys EveryElection with CodeDeploy blue/green, and checks revisions locally.",
        subcommands = {BundleCommand.class, DeployCommand.class, StatusCommand.class, LiveCommitCommand.class, RollbackCommand.class,
                ValidateAppspecCommand.class, LocalCommand.class, CommandLine.HelpCommand.class})
public final class DeployerMain {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command tree, separate from {@link #main} so tests can run it without exiting. */
    public static CommandLine commandLine() {
        return commandLine(CommandEnvironment.system());
    }

    /** The command tree with the given environment: tests pass their variables and fake endpoint. */
    public static CommandLine commandLine(CommandEnvironment environment) {
        // picocli already answers invalid usage with 2, which is ExitCode.BAD_INPUT.
        return new CommandLine(new DeployerMain(), new CommandFactory(environment))
                .setExecutionExceptionHandler(new ExitCodes());
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = DeployerMain.class.getPackage().getImplementationVersion();
            return new String[] {"ee-deployer " + (v == null ? "development build" : v)};
        }
    }
}
