package org.democracyclub.ee.deployer;

import org.democracyclub.ee.deployer.appspec.ValidateAppspecCommand;
import org.democracyclub.ee.deployer.local.LocalCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar target/ee-deployer.jar <command>}: ships a commit with CodeDeploy. */
@Command(name = "ee-deployer",
        mixinStandardHelpOptions = true,
        versionProvider = DeployerMain.Version.class,
        description = "Deploys EveryElection with CodeDeploy blue/green, and checks revisions locally.",
        subcommands = {CommandLine.HelpCommand.class, ValidateAppspecCommand.class, LocalCommand.class})
public final class DeployerMain {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command tree, separate from {@link #main} so tests can run it without exiting. */
    public static CommandLine commandLine() {
        // picocli already answers invalid usage with 2, which is ExitCode.BAD_INPUT.
        return new CommandLine(new DeployerMain());
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = DeployerMain.class.getPackage().getImplementationVersion();
            return new String[] {"ee-deployer " + (v == null ? "development build" : v)};
        }
    }
}
