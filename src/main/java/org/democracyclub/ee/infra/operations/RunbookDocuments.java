package org.democracyclub.ee.infra.operations;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.democracyclub.ee.common.CodeDeployNames;
import org.democracyclub.ee.infra.settings.Json;
import org.democracyclub.ee.infra.settings.OperationsSettings.BusyWindow;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;

/**
 * The content of the two SSM Automation runbooks (schema 0.3), built as data and rendered as
 * YAML: {@code aws:executeScript} takes an inline {@code Script} only in YAML runbooks (SSM user
 * guide, "aws:executeScript – Run a script"). The logic lives in one Python file,
 * {@code operations/ops_runbook.py}, tested on its own; the documents only wire its handlers to
 * {@code aws:runCommand} and {@code aws:branch}.
 */
public final class RunbookDocuments {
    /** The script's resource path in the jar. */
    public static final String SCRIPT_RESOURCE = "/operations/ops_runbook.py";
    /** aws:executeScript runtime (unconfirmed: the user guide copy read lists up to python3.8; see ADR 0006). */
    public static final String PYTHON_RUNTIME = "python3.11";
    /** aws:executeScript steps may run at most 600 s; selection takes seconds. */
    static final int SCRIPT_STEP_TIMEOUT_SECONDS = 300;
    /** Run Command's wait beyond the job's own timeout, for delivery and output upload. */
    static final int RUN_COMMAND_MARGIN_SECONDS = 600;
    public static final String RUN_SHELL_SCRIPT = "AWS-RunShellScript";
    public static final List<String> FLEET_ACTIONS = List.of("PowerOff", "PowerOn", "ApplyScaling");

    private RunbookDocuments() {
    }

    /** The Python source every executeScript step runs. */
    public static String script() {
        try (InputStream in = RunbookDocuments.class.getResourceAsStream(SCRIPT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(SCRIPT_RESOURCE + " is part of the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * ee-ops-run-job: refuse an overlapping run and pick one healthy instance of the live fleet
     * (selectInstance), then run the job there with AWS-RunShellScript, its output to CloudWatch Logs.
     *
     * @param automationRoleArn the role the automation acts as
     * @param longestJobSeconds the longest timeout of the environment's jobs (the step waits that long)
     */
    public static Map<String, Object> runJob(String automationRoleArn, int longestJobSeconds) {
        Map<String, Object> document = header("Runs one EveryElection job once, on one healthy instance of the"
                + " fleet the deployment group names (docs/operations.md).", automationRoleArn);
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("JobName", parameter("The job's name, as in the stack settings.", null,
                "^[a-z0-9][a-z0-9-]{0,39}$"));
        parameters.put("Command", parameter("The shell command, run as the app user in the code directory.", null, null));
        parameters.put("TimeoutSeconds", parameter("Seconds the command may run.", "3600", "^[0-9]{2,6}$"));
        parameters.put("AutomationAssumeRole", parameter("The role the automation acts as.", automationRoleArn, null));
        document.put("parameters", parameters);

        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("JobName", "{{JobName}}");
        payload.put("Command", "{{Command}}");
        payload.put("Document", OpsNames.RUN_JOB_DOCUMENT);
        payload.put("ExecutionId", "{{automation:EXECUTION_ID}}");
        payload.put("Application", CodeDeployNames.APPLICATION);
        payload.put("DeploymentGroup", CodeDeployNames.DEPLOYMENT_GROUP);
        Map<String, Object> select = scriptStep("selectInstance", "select_instance", payload,
                List.of(output("InstanceId", "$.Payload.InstanceId"), output("CommandLine", "$.Payload.CommandLine")));

        Map<String, Object> run = new LinkedHashMap<>();
        run.put("name", "runJob");
        run.put("action", "aws:runCommand");
        run.put("timeoutSeconds", longestJobSeconds + RUN_COMMAND_MARGIN_SECONDS);
        run.put("onFailure", "Abort");
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("DocumentName", RUN_SHELL_SCRIPT);
        inputs.put("InstanceIds", List.of("{{selectInstance.InstanceId}}"));
        inputs.put("Comment", "EveryElection job {{JobName}}");
        inputs.put("Parameters", Ordered.map(
                "commands", List.of("{{selectInstance.CommandLine}}"),
                "executionTimeout", "{{TimeoutSeconds}}"));
        inputs.put("CloudWatchOutputConfig", Ordered.map(
                "CloudWatchOutputEnabled", true,
                "CloudWatchLogGroupName", OpsNames.JOB_LOG_GROUP));
        run.put("inputs", inputs);
        run.put("isEnd", true);
        document.put("mainSteps", List.of(select, run));
        return document;
    }

    /**
     * ee-ops-fleet-capacity: Action PowerOff / PowerOn / ApplyScaling on every live fleet. The
     * stack's capacity, target and busy windows are written into the payload, so a settings
     * change reaches the fleets at the next run (hourly, and after each deployment).
     */
    public static Map<String, Object> fleetCapacity(String automationRoleArn, FleetFacts facts) {
        Map<String, Object> document = header("Powers the live EveryElection fleet off or on, or applies its"
                + " target tracking and busy windows to it (docs/operations.md).", automationRoleArn);
        Map<String, Object> parameters = new LinkedHashMap<>();
        Map<String, Object> action = parameter("PowerOff, PowerOn or ApplyScaling.", null, null);
        action.put("allowedValues", FLEET_ACTIONS);
        parameters.put("Action", action);
        parameters.put("AutomationAssumeRole", parameter("The role the automation acts as.", automationRoleArn, null));
        document.put("parameters", parameters);

        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("Action", "{{Action}}");
        payload.put("Application", CodeDeployNames.APPLICATION);
        payload.put("DeploymentGroup", CodeDeployNames.DEPLOYMENT_GROUP);
        payload.put("MinSize", facts.minSize());
        payload.put("DesiredCapacity", facts.desiredCapacity());
        payload.put("RequestsPerTarget", facts.requestsPerTarget());
        payload.put("ResourceLabel", facts.resourceLabel());
        payload.put("BusyWindows", facts.busyWindows().stream().map(w -> Ordered.map(
                "start", w.start().toString(), "end", w.end().toString(), "minSize", w.minSize())).toList());

        Map<String, Object> branch = new LinkedHashMap<>();
        branch.put("name", "chooseAction");
        branch.put("action", "aws:branch");
        branch.put("inputs", Ordered.map(
                "Choices", List.of(Ordered.map("NextStep", "applyScaling", "Variable", "{{Action}}",
                        "StringEquals", "ApplyScaling")),
                "Default", "power"));
        Map<String, Object> power = scriptStep("power", "power", payload, List.of());
        power.put("isEnd", true);
        Map<String, Object> apply = scriptStep("applyScaling", "apply_scaling", payload, List.of());
        apply.put("isEnd", true);
        document.put("mainSteps", List.of(branch, power, apply));
        return document;
    }

    /**
     * What the fleet runbook writes into its payload.
     *
     * @param resourceLabel {@code app/<lb>/<id>/targetgroup/<tg>/<id>}, the ALBRequestCountPerTarget label
     */
    public record FleetFacts(int minSize, int desiredCapacity, int requestsPerTarget, String resourceLabel,
                             List<BusyWindow> busyWindows) {
    }

    private static Map<String, Object> header(String description, String automationRoleArn) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("schemaVersion", "0.3");
        document.put("description", description);
        document.put("assumeRole", "{{AutomationAssumeRole}}");
        return document;
    }

    private static Map<String, Object> parameter(String description, String defaultValue, String pattern) {
        Map<String, Object> parameter = new LinkedHashMap<>();
        parameter.put("type", "String");
        parameter.put("description", description);
        if (defaultValue != null) {
            parameter.put("default", defaultValue);
        }
        if (pattern != null) {
            parameter.put("allowedPattern", pattern);
        }
        return parameter;
    }

    private static Map<String, Object> scriptStep(String name, String handler, Map<String, Object> payload,
                                                  List<Map<String, Object>> outputs) {
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("name", name);
        step.put("action", "aws:executeScript");
        step.put("timeoutSeconds", SCRIPT_STEP_TIMEOUT_SECONDS);
        step.put("onFailure", "Abort");
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("Runtime", PYTHON_RUNTIME);
        inputs.put("Handler", handler);
        // A copy per step: YAML would render a shared map as an anchor and alias.
        inputs.put("InputPayload", deepCopy(payload));
        inputs.put("Script", script());
        step.put("inputs", inputs);
        if (!outputs.isEmpty()) {
            step.put("outputs", outputs);
        }
        return step;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepCopy(Map<String, Object> payload) {
        return Json.MAPPER.convertValue(payload, LinkedHashMap.class);
    }

    private static Map<String, Object> output(String name, String selector) {
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("Name", name);
        output.put("Selector", selector);
        output.put("Type", "String");
        return output;
    }

    /** The document as YAML, the script as a literal block so it reads as Python in the console. */
    public static String toYaml(Map<String, Object> document) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setWidth(4096);
        Representer representer = new Representer(options) {
            {
                this.representers.put(String.class, data -> {
                    String text = (String) data;
                    return text.contains("\n") ? representScalar(Tag.STR, text, DumperOptions.ScalarStyle.LITERAL)
                            : representScalar(Tag.STR, text);
                });
            }
        };
        return new Yaml(representer, options).dump(document);
    }
}
