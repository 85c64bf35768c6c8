package org.democracyclub.ee.deployer.cli;

import java.time.Duration;
import org.democracyclub.ee.deployer.deploy.Durations;
import picocli.CommandLine;

/** {@code 90s}, {@code 45m}, {@code 1h}: a bad value is a usage error (exit 2). */
public final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        try {
            return Durations.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
