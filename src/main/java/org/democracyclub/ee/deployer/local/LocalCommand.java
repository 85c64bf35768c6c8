package org.democracyclub.ee.deployer.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.democracyclub.ee.common.CodeDeployNames;
import org.democracyclub.ee.deployer.ExitCode;
import org.democracyclub.ee.deployer.bundle.UnpackedBundle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code local --bundle DIR --destination DIR}: runs a revision's lifecycle on this machine. */
@Command(name = "local", mixinStandardHelpOptions = true,
        description = "Runs a revision's appspec locally like the CodeDeploy agent: validate, install files"
                + " under DESTINATION, run hooks in lifecycle order. Exit 0 succeeded, 1 a hook failed, 2 invalid.")
public final class LocalCommand implements Callable<Integer> {

    @Option(names = "--bundle", required = true, paramLabel = "DIR|ZIP",
            description = "The revision's root directory, or a bundle .zip (unpacked to a temporary directory first).")
    Path bundle;

    @Option(names = "--destination", required = true, paramLabel = "DIR",
            description = "Stands for the instance's /: files destinations are re-rooted under it.")
    Path destination;

    @Option(names = "--events", split = ",", paramLabel = "E1,E2", description = "Only run these events' scripts"
            + " (files are always installed). Default: every event in the appspec.")
    List<String> events = new ArrayList<>();

    @Option(names = "--ignore-runas", description = "Run every script as the current user even as root;"
            + " reported on each hook that has runas. Default: ${DEFAULT-VALUE}.")
    boolean ignoreRunas;

    @Option(names = "--env", paramLabel = "KEY=VALUE", description = "Extra environment for every script"
            + " (repeatable), e.g. EE_APP_ROOT=/tmp/x/var/www/every_election/repo.")
    Map<String, String> env = new LinkedHashMap<>();

    @Option(names = "--application-name", paramLabel = "NAME", defaultValue = CodeDeployNames.APPLICATION,
            description = "APPLICATION_NAME given to hooks (default: ${DEFAULT-VALUE}).")
    String applicationName;

    @Option(names = "--deployment-group-name", paramLabel = "NAME", defaultValue = CodeDeployNames.DEPLOYMENT_GROUP,
            description = "DEPLOYMENT_GROUP_NAME given to hooks (default: ${DEFAULT-VALUE}).")
    String deploymentGroupName;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!bundle.toFile().isDirectory() && !UnpackedBundle.isZip(bundle)) {
            spec.commandLine().getErr().println("--bundle " + bundle + " is neither a directory nor a .zip bundle");
            return ExitCode.BAD_INPUT;
        }
        try (UnpackedBundle unpacked = UnpackedBundle.open(bundle)) {
            LocalOptions options = new LocalOptions(unpacked.directory().toAbsolutePath().normalize(),
                    destination.toAbsolutePath().normalize(), events, ignoreRunas, applicationName,
                    deploymentGroupName, env);
            return new LocalRunner(options, spec.commandLine().getOut(), spec.commandLine().getErr()).run();
        }
    }
}
