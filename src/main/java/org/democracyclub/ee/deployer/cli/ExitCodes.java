package org.democracyclub.ee.deployer.cli;

import java.io.PrintWriter;
import org.democracyclub.ee.deployer.BadInputException;
import org.democracyclub.ee.deployer.ExitCode;
import org.democracyclub.ee.deployer.deploy.AwsErrors;
import org.democracyclub.ee.deployer.deploy.CancelledException;
import org.democracyclub.ee.deployer.deploy.Outcome;
import org.democracyclub.ee.deployer.deploy.ResultJson;
import org.democracyclub.ee.deployer.deploy.TimedOutException;
import picocli.CommandLine;
import software.amazon.awssdk.core.exception.SdkException;

/** The one place where outcomes and exceptions become exit codes (the statuses of ExitCode, listed in docs/deployer.md). */
public final class ExitCodes implements CommandLine.IExecutionExceptionHandler {

    public static int of(Outcome outcome) {
        return switch (outcome) {
            case SUCCEEDED, DRY_RUN, IN_PROGRESS -> ExitCode.SUCCEEDED;
            case FAILED, STOPPED -> ExitCode.FAILED;
            case TIMED_OUT -> ExitCode.TIMED_OUT;
        };
    }

    public static int of(Throwable e) {
        if (e instanceof BadInputException) {
            return ExitCode.BAD_INPUT;
        }
        if (e instanceof TimedOutException) {
            return ExitCode.TIMED_OUT;
        }
        if (e instanceof SdkException) {
            return ExitCode.AWS_UNAVAILABLE;
        }
        // Cancellation and bugs: the deployment (if any) was not seen to succeed.
        return ExitCode.FAILED;
    }

    static String message(Throwable e) {
        if (e instanceof SdkException sdk) {
            return "AWS error after retries: " + AwsErrors.message(sdk);
        }
        if (e instanceof BadInputException) {
            return "Bad input: " + e.getMessage();
        }
        if (e instanceof TimedOutException) {
            return "Timed out: " + e.getMessage();
        }
        if (e instanceof CancelledException) {
            return "Cancelled";
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        int code = of(e);
        CommonOptions options = commandLine.getCommand() instanceof UsesCommonOptions c ? c.commonOptions() : null;
        PrintWriter err = commandLine.getErr();
        err.println("ee-deployer " + commandLine.getCommandName() + ": " + message(e));
        if (options != null && options.verbose) {
            e.printStackTrace(err);
        }
        err.flush();
        if (options != null && options.json) {
            String outcome = code == ExitCode.BAD_INPUT ? "BAD_INPUT" : code == ExitCode.TIMED_OUT ? "TIMED_OUT"
                    : code == ExitCode.AWS_UNAVAILABLE ? "AWS_ERROR" : "ERROR";
            commandLine.getOut().println(ResultJson.error(outcome, code, message(e)));
            commandLine.getOut().flush();
        }
        return code;
    }

    /** Commands whose errors honour {@code --json} and {@code --verbose}. */
    public interface UsesCommonOptions {
        CommonOptions commonOptions();
    }
}
