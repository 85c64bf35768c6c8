package org.democracyclub.ee.deployer.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * CodeDeploy for one application and one blue/green deployment group. Deployments follow their
 * {@link Timeline}; creating one copies the live fleet into {@code CodeDeploy_<group>_<id>}, and
 * success makes that copy the group's fleet and removes the old one, as CodeDeploy does.
 */
public final class FakeCodeDeploy {
    static final Set<String> ACTIVE = Set.of("Created", "Queued", "InProgress", "Ready");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String application;
    private final String group;
    private final FakeAutoScaling autoScaling;
    private final Map<String, Deployment> deployments = new LinkedHashMap<>();
    private String liveFleet;
    private Supplier<Timeline> timelines = Timeline::success;
    private int counter = 1;
    private Runnable beforeNextCreate;
    private boolean timeRangeListingLags;

    FakeCodeDeploy(String application, String group, String liveFleet, FakeAutoScaling autoScaling) {
        this.application = application;
        this.group = group;
        this.liveFleet = liveFleet;
        this.autoScaling = autoScaling;
    }

    /** The timeline each new deployment follows. */
    public synchronized FakeCodeDeploy onCreate(Supplier<Timeline> timelines) {
        this.timelines = timelines;
        return this;
    }

    /** A deployment that existed before the test (in flight, or history). */
    public synchronized FakeCodeDeploy existing(String id, Timeline timeline, String commit, Instant created) {
        Deployment d = new Deployment(id, timeline, gitHub(commit), "earlier deployment", created);
        deployments.put(id, d);
        return this;
    }

    public synchronized String liveFleet() {
        return liveFleet;
    }

    /** Deployments created through the API (not the ones the test set up). */
    public synchronized List<Deployment> created() {
        return deployments.values().stream().filter(d -> d.createdByApi).toList();
    }

    public synchronized Deployment deployment(String id) {
        return deployments.get(id);
    }

    synchronized Object handle(String action, JsonNode r) {
        switch (action) {
            case "GetDeploymentGroup":
                checkGroup(r);
                return Map.of("deploymentGroupInfo", Map.of(
                        "applicationName", application, "deploymentGroupName", group,
                        "autoScalingGroups", List.of(Map.of("name", liveFleet, "hook", "CodeDeploy-managed-automatic-launch-deployment-hook-" + group)),
                        "deploymentStyle", Map.of("deploymentType", "BLUE_GREEN", "deploymentOption", "WITH_TRAFFIC_CONTROL")));
            case "ListDeployments": {
                checkGroup(r);
                List<String> statuses = new ArrayList<>();
                r.path("includeOnlyStatuses").forEach(s -> statuses.add(s.asText()));
                double from = r.path("createTimeRange").path("start").asDouble(0);
                double to = r.path("createTimeRange").path("end").asDouble(Double.MAX_VALUE);
                List<String> ids = deployments.values().stream()
                        .filter(d -> statuses.isEmpty() || statuses.contains(d.frame().status()))
                        .filter(d -> epoch(d.created) >= from && epoch(d.created) <= to)
                        .filter(d -> !(timeRangeListingLags && d.createdByApi && r.has("createTimeRange")))
                        .map(d -> d.id).toList();
                return Map.of("deployments", ids);
            }
            case "GetDeployment": {
                // Show where it is, then move on: the first poll sees Created.
                Deployment d = existing(r.path("deploymentId").asText());
                Map<String, Object> shown = info(d);
                d.advance();
                return Map.of("deploymentInfo", shown);
            }
            case "BatchGetDeployments": {
                // Any read of a deployment's state counts as one poll of its timeline.
                List<Object> infos = new ArrayList<>();
                r.path("deploymentIds").forEach(id -> {
                    Deployment d = existing(id.asText());
                    infos.add(info(d));
                    d.advance();
                });
                return Map.of("deploymentsInfo", infos);
            }
            case "CreateDeployment":
                return create(r);
            case "StopDeployment": {
                Deployment d = existing(r.path("deploymentId").asText());
                if (d.frame().finished()) {
                    throw new FakeError(400, "DeploymentAlreadyCompletedException", "The deployment " + d.id + " is already completed.");
                }
                d.stopRequested = true;
                d.stopWithRollback = r.path("autoRollbackEnabled").asBoolean(false);
                return Map.of("status", "Pending", "statusMessage", "Stopping deployment " + d.id);
            }
            case "ListDeploymentTargets": {
                Deployment d = existing(r.path("deploymentId").asText());
                return Map.of("targetIds", d.frame().targets().stream().map(Frame.Target::id).toList());
            }
            case "BatchGetDeploymentTargets": {
                Deployment d = existing(r.path("deploymentId").asText());
                List<Object> out = new ArrayList<>();
                r.path("targetIds").forEach(id -> d.frame().targets().stream()
                        .filter(t -> t.id().equals(id.asText())).findFirst()
                        .ifPresent(t -> out.add(Map.of("deploymentTargetType", "InstanceTarget",
                                "instanceTarget", target(d, t)))));
                return Map.of("deploymentTargets", out);
            }
            default:
                throw new FakeError(400, "UnknownOperationException", "the fake does not implement " + action);
        }
    }

    /**
     * ListDeployments with a createTimeRange leaves out deployments created through the API, as
     * an eventually consistent index that has not caught up would.
     */
    public synchronized FakeCodeDeploy timeRangeListingLags() {
        this.timeRangeListingLags = true;
        return this;
    }

    /** Runs once, just before the next CreateDeployment is handled: to stage a race with another job. */
    public synchronized FakeCodeDeploy beforeNextCreate(Runnable action) {
        this.beforeNextCreate = action;
        return this;
    }

    private Object create(JsonNode r) {
        checkGroup(r);
        if (beforeNextCreate != null) {
            Runnable action = beforeNextCreate;
            beforeNextCreate = null;
            action.run();
        }
        for (Deployment d : deployments.values()) {
            if (ACTIVE.contains(d.frame().status())) {
                throw new FakeError(400, "DeploymentLimitExceededException",
                        "The Deployment Group '" + group + "' already has an active Deployment '" + d.id + "'");
            }
        }
        String id = String.format("d-FAKE%05d", counter++);
        Deployment d = new Deployment(id, timelines.get(), r.path("revision"), r.path("description").asText(null), Instant.now());
        d.createdByApi = true;
        deployments.put(id, d);
        autoScaling.copy(liveFleet, replacementFleet(id));
        return Map.of("deploymentId", id);
    }

    public String replacementFleet(String id) {
        return "CodeDeploy_" + group + "_" + id;
    }

    private void checkGroup(JsonNode r) {
        if (!application.equals(r.path("applicationName").asText())) {
            throw new FakeError(400, "ApplicationDoesNotExistException", "No application found for name: " + r.path("applicationName").asText());
        }
        if (!group.equals(r.path("deploymentGroupName").asText())) {
            throw new FakeError(400, "DeploymentGroupDoesNotExistException", "No Deployment Group found for name: " + r.path("deploymentGroupName").asText());
        }
    }

    private Deployment existing(String id) {
        Deployment d = deployments.get(id);
        if (d == null) {
            throw new FakeError(400, "DeploymentDoesNotExistException", "The deployment " + id + " could not be found");
        }
        return d;
    }

    private Map<String, Object> info(Deployment d) {
        Frame f = d.frame();
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("applicationName", application);
        info.put("deploymentGroupName", group);
        info.put("deploymentId", d.id);
        info.put("status", f.status());
        info.put("revision", d.revision);
        if (d.description != null) {
            info.put("description", d.description);
        }
        info.put("createTime", epoch(d.created));
        if (f.finished()) {
            info.put("completeTime", epoch(d.finishedAt));
        }
        info.put("deploymentOverview", Map.of("Pending", f.count("Pending"), "InProgress", f.count("InProgress"),
                "Succeeded", f.count("Succeeded"), "Failed", f.count("Failed"), "Skipped", f.count("Skipped"),
                "Ready", f.count("Ready")));
        if (f.error() != null) {
            info.put("errorInformation", Map.of("code", f.error().code(), "message", f.error().message()));
        }
        info.put("deploymentStyle", Map.of("deploymentType", "BLUE_GREEN", "deploymentOption", "WITH_TRAFFIC_CONTROL"));
        return info;
    }

    private Map<String, Object> target(Deployment d, Frame.Target t) {
        List<Object> events = new ArrayList<>();
        for (Frame.Event e : t.events()) {
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("lifecycleEventName", e.name());
            event.put("status", e.status());
            if (e.diagnostics() != null) {
                event.put("diagnostics", Map.of("errorCode", e.diagnostics().errorCode(),
                        "scriptName", e.diagnostics().scriptName(), "message", e.diagnostics().message(),
                        "logTail", e.diagnostics().logTail()));
            }
            events.add(event);
        }
        return Map.of("deploymentId", d.id, "targetId", t.id(),
                "targetArn", "arn:aws:ec2:eu-west-2:123456789012:instance/" + t.id(), "status", t.status(),
                "lifecycleEvents", events, "instanceLabel", t.label());
    }

    private static double epoch(Instant t) {
        return t.toEpochMilli() / 1000.0;
    }

    private static JsonNode gitHub(String commit) {
        return JSON.valueToTree(Map.of("revisionType", "GitHub",
                "gitHubLocation", Map.of("repository", "DemocracyClub/EveryElection", "commitId", commit)));
    }

    /** One deployment and where it is in its timeline. */
    public final class Deployment {
        public final String id;
        public final JsonNode revision;
        public final String description;
        public final Instant created;
        final Timeline timeline;
        boolean createdByApi;
        public boolean stopRequested;
        public boolean stopWithRollback;
        /** When it first reached a final status: what the exit-delay measurement starts from. */
        public Instant finishedAt;
        private int index;
        private Frame stoppedFrame;

        Deployment(String id, Timeline timeline, JsonNode revision, String description, Instant created) {
            this.id = id;
            this.timeline = timeline;
            this.revision = revision;
            this.description = description;
            this.created = created;
            if (timeline.frames().get(0).finished()) {
                finishedAt = created;
            }
        }

        public Frame frame() {
            if (stoppedFrame != null) {
                return stoppedFrame;
            }
            if (timeline.step() != null) {
                long steps = java.time.Duration.between(created, Instant.now()).toMillis() / timeline.step().toMillis();
                index = (int) Math.min(steps, timeline.frames().size() - 1);
                reached();
            }
            return timeline.frames().get(index);
        }

        /** One poll's worth of progress (per-poll timelines); a requested stop lands now. */
        void advance() {
            if (stopRequested && stoppedFrame == null && !frame().finished()) {
                Frame now = frame();
                stoppedFrame = Frame.of("Stopped", now.targets(), new Frame.Error("DEPLOYMENT_STOPPED", "The deployment was stopped by the user"
                        + (stopWithRollback ? "; rolled back" : "")));
                finishedAt = Instant.now();
                return;
            }
            if (timeline.step() == null && index < timeline.frames().size() - 1) {
                index++;
                reached();
            }
        }

        private void reached() {
            Frame f = timeline.frames().get(index);
            if (f.finished() && finishedAt == null) {
                finishedAt = timeline.step() == null ? Instant.now()
                        : created.plus(timeline.step().multipliedBy(timeline.frames().size() - 1));
                if (f.status().equals("Succeeded") && createdByApi) {
                    // Blue/green: traffic moved to the copy, the original fleet is terminated.
                    String old = liveFleet;
                    liveFleet = replacementFleet(id);
                    autoScaling.remove(old);
                }
            }
        }
    }
}
