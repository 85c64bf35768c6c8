package org.democracyclub.ee.deployer.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.democracyclub.ee.deployer.ExitCode;
import org.democracyclub.ee.deployer.bundle.Bundle;
import org.democracyclub.ee.deployer.bundle.BundleComposer;
import org.democracyclub.ee.deployer.bundle.Manifest;
import org.democracyclub.ee.deployer.CommitSha;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bundle --app-source DIR --commit SHA --out FILE}: composes the revision zip offline. */
@Command(name = "bundle", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compose the revision bundle: the application tree at SHA, this repository's appspec.yaml "
                + "(as appspec.yml) and ee-deploy/, and the manifest ee-revision.json. Same inputs, same bytes.",
                "Prints '<sha256>  <file>' (sha256sum's format). Exit 0 written, 2 bad input (nothing written)."})
public final class BundleCommand implements Callable<Integer> {

    @Option(names = "--app-source", required = true, paramLabel = "DIR",
            description = "A checkout of DemocracyClub/EveryElection at --commit, with no modified tracked file.")
    Path appSource;

    @Option(names = "--commit", paramLabel = "SHA",
            description = "The application commit (40 hex). Default: the COMMIT_SHA environment variable.")
    String commit;

    @Option(names = "--deploy-source", paramLabel = "DIR", defaultValue = ".",
            description = "The root of this repository (appspec.yaml, ee-deploy/). Default: ${DEFAULT-VALUE}.")
    Path deploySource;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the zip.")
    Path out;

    @Spec
    CommandSpec spec;

    private final CommandEnvironment environment;

    public BundleCommand(CommandEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        CommitSha sha = CommitSha.resolve(commit, environment.variables().apply("COMMIT_SHA"));
        Bundle bundle = BundleComposer.compose(appSource, sha, deploySource, out);
        PrintWriter err = spec.commandLine().getErr();
        err.println(describe(bundle));
        err.flush();
        spec.commandLine().getOut().println(bundle.sha256() + "  " + bundle.file());
        return ExitCode.SUCCEEDED;
    }

    static String describe(Bundle bundle) {
        Manifest m = bundle.manifest();
        return "bundle " + bundle.file() + ": " + bundle.files() + " files, " + bundle.size() + " bytes; application "
                + m.applicationCommit() + ", deployment " + m.deploymentCommit().orElse("(not a git checkout)")
                + (m.deploymentTreeClean() ? "" : " (deployment files differ from that commit)");
    }
}
