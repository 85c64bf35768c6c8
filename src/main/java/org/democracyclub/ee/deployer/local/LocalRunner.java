package org.democracyclub.ee.deployer.local;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.democracyclub.ee.deployer.ExitCode;
import org.democracyclub.ee.deployer.appspec.AppSpec;
import org.democracyclub.ee.deployer.appspec.AppSpecValidator;
import org.democracyclub.ee.deployer.appspec.Hook;
import org.democracyclub.ee.deployer.appspec.LifecycleEvent;
import org.democracyclub.ee.deployer.appspec.Validation;

/**
 * A local deployment in the spirit of codedeploy-local: validate, then walk the lifecycle in the
 * agent's order, copying files at Install and running each selected event's scripts, stopping at
 * the first failure. Returns an {@link ExitCode}.
 */
public final class LocalRunner {
    private final LocalOptions options;
    private final PrintWriter out;
    private final PrintWriter err;
    private final RunAs runAs;

    public LocalRunner(LocalOptions options, PrintWriter out, PrintWriter err) {
        this(options, out, err, RunAs.forCurrentUser(options.ignoreRunas()));
    }

    /** With a given runas policy, so tests can play root on a machine without the app user. */
    LocalRunner(LocalOptions options, PrintWriter out, PrintWriter err, RunAs runAs) {
        this.options = options;
        this.out = out;
        this.err = err;
        this.runAs = runAs;
    }

    public int run() throws IOException, InterruptedException {
        Optional<Set<LifecycleEvent>> selected = selectedEvents();
        if (selected.isEmpty()) {
            return ExitCode.BAD_INPUT;
        }
        Validation validation = AppSpecValidator.validate(options.bundle());
        if (!validation.valid()) {
            validation.problems().forEach(err::println);
            err.println("not deployed: " + validation.problems().size() + " problem(s) in " + validation.file());
            return ExitCode.BAD_INPUT;
        }
        AppSpec spec = validation.spec();
        List<String> missing = runAs.missingUsers(spec.hooks().values().stream().flatMap(List::stream).toList());
        if (!missing.isEmpty()) {
            err.println("not deployed: runas user(s) " + String.join(", ", missing) + " do not exist on this machine;"
                    + " create them, or pass --ignore-runas to run every script as the current user (reported)");
            return ExitCode.BAD_INPUT;
        }
        Deployment deployment = Deployment.create(options.applicationName(), options.deploymentGroupName());
        out.println("local deployment " + deployment.id() + " of " + options.bundle() + " into " + options.destination());
        int scripts = 0;
        for (LifecycleEvent event : LifecycleEvent.values()) {
            if (event == LifecycleEvent.INSTALL && !install(spec)) {
                return ExitCode.FAILED;
            }
            if (!selected.get().contains(event)) {
                continue;
            }
            for (Hook hook : spec.hooks().getOrDefault(event, List.of())) {
                if (!runHook(hook, deployment)) {
                    return ExitCode.FAILED;
                }
                scripts++;
            }
        }
        out.println("local deployment " + deployment.id() + " succeeded: " + scripts + " script(s) ran");
        out.flush();
        return ExitCode.SUCCEEDED;
    }

    /** The events to run scripts for; empty after reporting a name that is not an event. */
    private Optional<Set<LifecycleEvent>> selectedEvents() {
        if (options.events().isEmpty()) {
            return Optional.of(EnumSet.allOf(LifecycleEvent.class));
        }
        Set<LifecycleEvent> events = EnumSet.noneOf(LifecycleEvent.class);
        for (String name : options.events()) {
            Optional<LifecycleEvent> event = LifecycleEvent.fromName(name.trim());
            if (event.isEmpty()) {
                err.println("unknown lifecycle event '" + name + "'; valid: "
                        + String.join(", ", LifecycleEvent.scriptableNames()));
                return Optional.empty();
            }
            events.add(event.get());
        }
        return Optional.of(events);
    }

    /** The agent's own Install step; always runs, since later hooks work on the installed files. */
    private boolean install(AppSpec spec) throws IOException {
        FileInstaller installer = new FileInstaller(options.bundle(), options.destination());
        try {
            installer.install(spec).forEach(line -> out.println("[Install] copied " + line));
        } catch (FileInstaller.InstallException e) {
            err.println("FAILED: event Install: " + e.getMessage());
            return false;
        }
        if (!spec.permissions().isEmpty()) {
            out.println("[Install] permissions NOT applied locally (" + spec.permissions().size()
                    + " entries): the agent applies them on the instance");
        }
        out.flush();
        return true;
    }

    private boolean runHook(Hook hook, Deployment deployment) throws IOException, InterruptedException {
        String event = hook.event().appspecName();
        out.println("[" + event + "] running " + hook.location() + " (timeout " + hook.timeoutSeconds() + " s"
                + hook.runas().map(u -> ", runas " + u).orElse("") + ")");
        runAs.note(hook).ifPresent(note -> out.println("[" + event + "] " + note));
        out.flush();
        Map<String, String> env = new HashMap<>(options.extraEnv());
        env.putAll(deployment.environment(hook.event()));
        List<String> command = new ArrayList<>(runAs.prefix(hook));
        command.add(options.bundle().resolve(hook.relativeLocation()).toAbsolutePath().toString());
        ScriptProcess process = new ScriptProcess(options.bundle(), line -> {
            out.println("[" + event + "] " + line);
            out.flush();
        });
        ScriptOutcome outcome = process.run(command, env, Duration.ofSeconds(hook.timeoutSeconds()));
        if (outcome.succeeded()) {
            out.printf("[%s] %s succeeded in %.1f s%n", event, hook.location(), outcome.took().toMillis() / 1000.0);
            return true;
        }
        new FailureReport(hook, outcome).print(err);
        return false;
    }
}
