package org.democracyclub.ee.infra.image;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The AWSTOE rules a component document is checked against, in one place, each with where it
 * comes from (EC2 Image Builder user guide, "AWSTOE component document framework", "Supported
 * action modules", "Use variables in your custom component document").
 */
final class AwstoeRules {

    /**
     * Longest inline component document Image Builder accepts (CreateComponent, {@code data}:
     * "Length Constraints: Minimum length of 1. Maximum length of 16000").
     */
    static final int MAX_DOCUMENT_CHARS = 16000;

    /** The only schema version AWSTOE defines. */
    static final String SCHEMA_VERSION = "1.0";

    /**
     * Phases Image Builder runs for an AMI: build and validate in its build stage, test on an
     * instance launched from the new image. ({@code container-host-test} exists only for
     * container recipes, which this project does not use.)
     */
    static final List<String> PHASES = List.of("build", "validate", "test");

    /** AWSTOE's action modules, as listed in the user guide. */
    static final Set<String> ACTIONS = Set.of(
            // general execution
            "ExecuteBash", "ExecuteBinary", "ExecuteDocument", "ExecutePowerShell",
            // download and upload
            "S3Download", "S3Upload", "WebDownload",
            // file system
            "AppendFile", "CopyFile", "CopyFolder", "CreateFile", "CreateFolder", "CreateSymlink",
            "DeleteFile", "DeleteFolder", "ListFiles", "MoveFile", "MoveFolder", "ReadFile",
            "SetFileEncoding", "SetFileOwner", "SetFolderOwner", "SetFilePermissions",
            "SetFolderPermissions",
            // software installation
            "InstallMSI", "UninstallMSI",
            // system
            "Reboot", "SetRegistry", "UpdateOS",
            // assertion
            "Assert");

    static final Set<String> ON_FAILURE = Set.of("Abort", "Continue", "Ignore");

    static final Set<String> TOP_LEVEL_KEYS =
            Set.of("name", "description", "schemaVersion", "parameters", "constants", "phases");
    static final Set<String> PHASE_KEYS = Set.of("name", "steps");
    static final Set<String> STEP_KEYS =
            Set.of("name", "action", "inputs", "timeoutSeconds", "onFailure", "maxAttempts", "loop", "if");
    static final Set<String> PARAMETER_KEYS = Set.of("type", "default", "description");
    static final Set<String> CONSTANT_KEYS = Set.of("type", "value");

    /** Parameter and constant names: 3 to 128 letters, digits, '-' or '_' (documented rule). */
    static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z0-9_-]{3,128}");

    /**
     * Step names. The guide documents no character set for them, only that they are unique
     * within a phase; but a step is addressed in chaining expressions as
     * {@code {{ phase.step.outputs.stdout }}}, so a '.', a space or a brace would make it
     * unreachable. We hold step names to the documented rule for variable names, without the
     * 3-character minimum.
     */
    static final Pattern STEP_NAME = Pattern.compile("[A-Za-z0-9_-]{1,128}");

    private AwstoeRules() {
    }
}
