package org.democracyclub.ee.deployer.appspec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.democracyclub.ee.deployer.ExitCode;
import org.democracyclub.ee.deployer.bundle.UnpackedBundle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code validate-appspec [DIR]}: prints every problem of a revision's appspec. */
@Command(name = "validate-appspec", mixinStandardHelpOptions = true,
        description = "Checks DIR/appspec.yaml (or appspec.yml) and the scripts and files it names; DIR may be a bundle zip,"
                + " checked as the agent unpacks it. Exit 0 valid, 2 invalid.")
public final class ValidateAppspecCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", arity = "0..1", defaultValue = ".",
            description = "The revision's root directory, a bundle .zip, or an appspec file (default: ${DEFAULT-VALUE}).")
    Path directory;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (UnpackedBundle.isZip(directory)) {
            try (UnpackedBundle bundle = UnpackedBundle.open(directory)) {
                return report(AppSpecValidator.validate(bundle.directory()), directory + "!");
            }
        }
        // A file argument names the appspec explicitly (as codedeploy-local's --appspec-filename
        // does), so any name is accepted; a directory gets the agent's names: appspec.yaml or appspec.yml.
        Validation validation = Files.isRegularFile(directory)
                ? AppSpecValidator.validate(directory.toAbsolutePath().getParent(), directory)
                : AppSpecValidator.validate(directory);
        return report(validation, "");
    }

    /** @param prefix names the zip the appspec was read from, since its temporary directory is gone by then */
    private int report(Validation validation, String prefix) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (validation.valid()) {
            out.println(prefix + name(validation, prefix) + ": valid");
            return ExitCode.SUCCEEDED;
        }
        validation.problems().forEach(err::println);
        err.println(validation.problems().size() + " problem(s) in " + prefix + name(validation, prefix));
        return ExitCode.BAD_INPUT;
    }

    private static String name(Validation validation, String prefix) {
        return prefix.isEmpty() ? validation.file().toString() : validation.file().getFileName().toString();
    }
}
