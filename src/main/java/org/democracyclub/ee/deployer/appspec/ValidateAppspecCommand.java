package org.democracyclub.ee.deployer.appspec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.democracyclub.ee.deployer.ExitCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code validate-appspec [DIR]}: prints every problem of a revision's appspec. */
@Command(name = "validate-appspec", mixinStandardHelpOptions = true,
        description = "Checks DIR/appspec.yaml (or appspec.yml) and the scripts and files it names; exit 0 valid, 2 invalid.")
public final class ValidateAppspecCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", arity = "0..1", defaultValue = ".",
            description = "The revision's root directory, or an appspec file in it (default: ${DEFAULT-VALUE}).")
    Path directory;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        // A file argument names the appspec explicitly (as codedeploy-local's --appspec-filename
        // does), so any name is accepted; a directory gets the agent's names: appspec.yaml or appspec.yml.
        Validation validation = Files.isRegularFile(directory)
                ? AppSpecValidator.validate(directory.toAbsolutePath().getParent(), directory)
                : AppSpecValidator.validate(directory);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (validation.valid()) {
            out.println(validation.file() + ": valid");
            return ExitCode.SUCCEEDED;
        }
        validation.problems().forEach(err::println);
        err.println(validation.problems().size() + " problem(s) in " + validation.file());
        return ExitCode.BAD_INPUT;
    }
}
