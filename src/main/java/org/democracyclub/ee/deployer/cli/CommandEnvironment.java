package org.democracyclub.ee.deployer.cli;

import java.util.Optional;
import java.util.function.Function;
import org.democracyclub.ee.deployer.aws.AwsClientFactory;
import org.democracyclub.ee.deployer.aws.AwsClients;
import org.democracyclub.ee.deployer.aws.ClientSettings;
import org.democracyclub.ee.deployer.deploy.Pacer;
import org.democracyclub.ee.deployer.outputs.DeployTarget;

/**
 * What the commands take from outside: environment variables, how to build AWS clients, time.
 * The jar uses {@link #system()}; tests inject their own variables and the fake's endpoint.
 */
public record CommandEnvironment(Function<String, String> variables, ClientSettings clientSettings, Pacer pacer) {

    public static CommandEnvironment system() {
        return new CommandEnvironment(System::getenv, ClientSettings.standardChain(), Pacer.SYSTEM);
    }

    /** Called only once the input is valid, so bad input never reaches AWS. */
    public AwsClients clients() {
        return AwsClientFactory.create(clientSettings, Optional.empty());
    }

    /**
     * As {@link #clients()}; with no region in the SDK's chain, the region of stack outputs read
     * from a file is used (outputs in SSM cannot be read without a region: then it is bad input).
     */
    public AwsClients clients(DeployTarget fromFile) {
        return AwsClientFactory.create(clientSettings, Optional.ofNullable(fromFile).map(DeployTarget::region));
    }
}
