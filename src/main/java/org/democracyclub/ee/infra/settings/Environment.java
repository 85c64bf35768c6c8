package org.democracyclub.ee.infra.settings;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The three environments; each is a stack of the same name in its own AWS account. */
public enum Environment {
    DEVELOPMENT, STAGING, PRODUCTION;

    /** The stack name and the value of the {@code dc-environment} tag. */
    public String stackName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Environment> fromStackName(String stack) {
        return Arrays.stream(values()).filter(e -> e.stackName().equals(stack)).findFirst();
    }

    /** Every environment's stack name. */
    public static java.util.Set<String> stackNames() {
        return Arrays.stream(values()).map(Environment::stackName).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    public static String allowedNames() {
        return String.join(", ", Arrays.stream(values()).map(Environment::stackName).toList());
    }
}
