package org.democracyclub.ee.infra.preview;

import java.util.Map;
import org.democracyclub.ee.bootstrap.BootstrapProgram;
import org.democracyclub.ee.infra.program.MainProgram;
import org.democracyclub.ee.infra.program.StackProgram;

/**
 * Which program a Pulumi project is: the one place that decides it, for the engine (which names
 * the project it runs) and for the offline commands (which read the project file). The bootstrap
 * is the project named {@value BootstrapProgram#PROJECT_NAME}; every other is the main program.
 */
public final class Programs {
    /** Set by the Pulumi language host to the name in the project's {@code Pulumi.yaml}. */
    static final String ENGINE_PROJECT = "PULUMI_PROJECT";
    /** Set by the language host to the stack it runs, possibly as {@code org/project/stack}. */
    static final String ENGINE_STACK = "PULUMI_STACK";

    private Programs() {
    }

    /** The program of the project of this name (the {@code name} of its {@code Pulumi.yaml}). */
    public static StackProgram<?> forProject(String projectName) {
        return BootstrapProgram.PROJECT_NAME.equals(projectName) ? BootstrapProgram.INSTANCE : MainProgram.INSTANCE;
    }

    /** The program the Pulumi engine started the jar for. */
    public static StackProgram<?> underEngine(Map<String, String> environment) {
        return forProject(environment.get(ENGINE_PROJECT));
    }

    /** The stack the Pulumi engine runs, without the organisation and project it may be qualified with. */
    public static String engineStack(Map<String, String> environment) {
        String stack = environment.getOrDefault(ENGINE_STACK, "");
        return stack.substring(stack.lastIndexOf('/') + 1);
    }
}
