package org.democracyclub.ee.deployer.outputs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.democracyclub.ee.common.StackOutputs;
import org.democracyclub.ee.deployer.BadInputException;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;

/** Where the stack outputs come from: a file given on the command line, else SSM. */
public final class StackOutputsReader {
    private StackOutputsReader() {
    }

    /** Read before any AWS client exists, so a bad file exits 2 with no AWS call. */
    public static DeployTarget fromFile(Path file) {
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new BadInputException("stack outputs file " + file + " does not exist");
        } catch (IOException e) {
            throw new BadInputException("stack outputs file " + file + " cannot be read: " + e.getMessage());
        }
        return StackOutputsParser.parse(json, "file " + file);
    }

    public static DeployTarget fromSsm(SsmClient ssm) {
        String name = StackOutputs.SSM_PARAMETER;
        String json;
        try {
            json = ssm.getParameter(r -> r.name(name)).parameter().value();
        } catch (ParameterNotFoundException e) {
            throw new BadInputException("SSM parameter " + name + " does not exist: run `pulumi up` for this "
                    + "environment first, or pass --stack-outputs FILE");
        }
        return StackOutputsParser.parse(json, "SSM parameter " + name);
    }
}
