package org.democracyclub.ee.deployer.cli;

import java.lang.reflect.Constructor;
import picocli.CommandLine;

/**
 * Gives the commands that talk to AWS their {@link CommandEnvironment}; every other class (mixins,
 * converters, commands without AWS) is built by picocli's default factory.
 */
public final class CommandFactory implements CommandLine.IFactory {
    private final CommandEnvironment environment;
    private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

    public CommandFactory(CommandEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public <K> K create(Class<K> cls) throws Exception {
        for (Constructor<?> c : cls.getConstructors()) {
            if (c.getParameterCount() == 1 && c.getParameterTypes()[0] == CommandEnvironment.class) {
                return cls.cast(c.newInstance(environment));
            }
        }
        return fallback.create(cls);
    }
}
