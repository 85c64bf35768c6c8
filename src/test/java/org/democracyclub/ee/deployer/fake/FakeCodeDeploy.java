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
 *
 * <p>What it models beyond the happy path, each from the CodeDeploy API reference:
 * <ul>
 * <li>{@code creator} (DeploymentInfo): {@code user} for CreateDeployment, {@code autoscaling} for
 *     launch-hook deployments ({@link #launchHookDeployment}), {@code codeDeployRollback} for the
 *     automatic rollback deployments ({@link #autoRollbackOnFailure}).</li>
 * <li>{@code rollbackInfo} (RollbackInfo): the failed deployment names {@code rollbackDeploymentId},
 *     the rollback names {@code rollbackTriggeringDeploymentId}.</li>
 * <li>ListDeploymentTargets / BatchGetDeploymentTargets answer {@code DeploymentNotStartedException}
 *     while a deployment is Created or Queued (ListDeploymentTargets, Errors).</li>
 * <li>{@code instanceTerminationWaitTimeStarted} (DeploymentInfo) in the termination wait
 *     ({@link Timeline#terminationWait}).</li>
 * <li>CreateDeployment answers {@code DeploymentLimitExceededException} ("The number of allowed
 *     deployments was exceeded", CreateDeployment, Errors) while another is active, and, with
 *     {@link #busyUnlisted}, while ListDeployments does not show the blocker yet (its index lags).</li>
 * <li>Active statuses are Created, Queued, InProgress, Baking and Ready (DeploymentInfo status:
 *     Created | Queued | InProgress | Baking | Succeeded | Failed | Stopped | Ready); a Ready
 *     deployment waits for ContinueDeployment.</li>
 * </ul>
 */
public final class FakeCodeDeploy {
    static final Set<String> ACTIVE = Set.of("Created", "Queued", "InProgress", "Baking", "Ready");
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
    private Supplier<Timeline> rollbackTimelines;
    private int busyUnlisted;
    private boolean launchHooks;
    private final List<Deployment> pendingRollbacks = new ArrayList<>();
    private final List<String> deletedWhileInUse = new ArrayList<>();

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
        return existing(id, timeline, gitHub(commit), "user", created);
    }

    /** An earlier deployment of an S3 bundle, made by {@code creator} (user, autoscaling, codeDeployRollback). */
    public synchronized FakeCodeDeploy existingS3(String id, Timeline timeline, String bucket, String key, String version,
                                                  String eTag, String creator, Instant created) {
        Map<String, Object> s3 = new LinkedHashMap<>();
        s3.put("bucket", bucket);
        s3.put("key", key);
        s3.put("bundleType", "zip");
        s3.put("version", version);
        s3.put("eTag", eTag);
        return existing(id, timeline, JSON.valueToTree(Map.of("revisionType", "S3", "s3Location", s3)), creator, created);
    }

    /**
     * What Auto Scaling's launch hook makes when the fleet launches an instance (creator
     * {@code autoscaling}, DeploymentInfo): a success of the revision already live.
     */
    public synchronized FakeCodeDeploy launchHookDeployment(String id, JsonNode revision, Instant created) {
        return existing(id, Timeline.finished("Succeeded"), revision, "autoscaling", created);
    }

    private FakeCodeDeploy existing(String id, Timeline timeline, JsonNode revision, String creator, Instant created) {
        Deployment d = new Deployment(id, timeline, revision, "earlier deployment", created);
        d.creator = creator;
        deployments.put(id, d);
        return this;
    }

    /**
     * Automatic rollback on failure (AutoRollbackConfiguration enabled, event DEPLOYMENT_FAILURE):
     * when a deployment made through the API fails, CodeDeploy creates a new deployment of the last
     * successful revision, creator {@code codeDeployRollback}, linked both ways by rollbackInfo
     * (RollbackInfo; user guide "Redeploy and roll back a deployment with CodeDeploy": a rollback is
     * a new deployment with its own ID). The rollback follows {@code timelines}; the fleet it serves
     * from stays the live one (what it does with the failed copy is not documented: unconfirmed).
     */
    public synchronized FakeCodeDeploy autoRollbackOnFailure(Supplier<Timeline> timelines) {
        this.rollbackTimelines = timelines;
        return this;
    }

    /**
     * The next {@code creates} CreateDeployment calls are refused as busy, although ListDeployments
     * shows no active deployment: another job's deployment that the listing has not caught up with.
     */
    public synchronized FakeCodeDeploy busyUnlisted(int creates) {
        this.busyUnlisted = creates;
        return this;
    }

    /**
     * Instances launched into the live fleet (a scale-out, or the deployer's own wake-up) make the
     * group's launch hook ask CodeDeploy for a deployment of the live revision to them: creator
     * {@code autoscaling} (DeploymentInfo; the hook is the group's
     * {@code CodeDeploy-managed-automatic-launch-deployment-hook-*}). It is active for a few polls,
     * so it blocks the group like any other deployment.
     */
    public synchronized FakeCodeDeploy launchHookOnScaleOut() {
        this.launchHooks = true;
        return this;
    }

    /** Called by the fake after UpdateAutoScalingGroup launched instances into {@code fleet}. */
    synchronized void instancesLaunched(String fleet) {
        if (!launchHooks || !fleet.equals(liveFleet)) {
            return;
        }
        JsonNode live = deployments.values().stream()
                .filter(d -> d.frame().status().equals("Succeeded"))
                .max(java.util.Comparator.comparing(d -> d.created))
                .map(d -> d.revision).orElse(gitHub("f".repeat(40)));
        String id = String.format("d-LAUNCH%03d", counter++);
        Deployment d = new Deployment(id, Timeline.inFlight(2), live, null, Instant.now());
        d.creator = "autoscaling";
        deployments.put(id, d);
    }

    /** Auto Scaling groups deleted while a deployment that uses them was active (must stay empty). */
    public synchronized List<String> deletedWhileInUse() {
        return List.copyOf(deletedWhileInUse);
    }

    /** Called by the fake Auto Scaling before it deletes a group. */
    synchronized void deleting(String fleet) {
        if (fleet.equals(liveFleet)) {
            deletedWhileInUse.add(fleet + " (the deployment group's fleet)");
        }
        for (Deployment d : deployments.values()) {
            if (ACTIVE.contains(d.frame().status()) && (fleet.equals(replacementFleet(d.id)) || d.usesFleet(fleet))) {
                deletedWhileInUse.add(fleet + " (in use by " + d.id + ", " + d.frame().status() + ")");
            }
        }
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
        flushRollbacks();
        try {
            return handleAction(action, r);
        } finally {
            flushRollbacks();
        }
    }

    /** Rollbacks start while a timeline is read, perhaps mid-iteration: they join the map here. */
    private void flushRollbacks() {
        while (!pendingRollbacks.isEmpty()) {
            Deployment d = pendingRollbacks.remove(0);
            deployments.put(d.id, d);
        }
    }

    private Object handleAction(String action, JsonNode r) {
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
                notStarted(d);
                return Map.of("targetIds", d.frame().targets().stream().map(Frame.Target::id).toList());
            }
            case "BatchGetDeploymentTargets": {
                Deployment d = existing(r.path("deploymentId").asText());
                notStarted(d);
                List<Object> out = new ArrayList<>();
                r.path("targetIds").forEach(id -> d.frame().targets().stream()
                        .filter(t -> t.id().equals(id.asText())).findFirst()
                        .ifPresent(t -> out.add(Map.of("deploymentTargetType", "InstanceTarget",
                                "instanceTarget", target(d, t)))));
                return Map.of("deploymentTargets", out);
            }
            case "ContinueDeployment": {
                // ContinueDeployment (API reference): reroutes a Ready blue/green deployment now.
                Deployment d = existing(r.path("deploymentId").asText());
                if (!d.frame().status().equals("Ready")) {
                    throw new FakeError(400, "DeploymentIsNotInReadyStateException",
                            "The deployment " + d.id + " is not in the Ready state");
                }
                d.continued = true;
                return Map.of();
            }
            default:
                throw new FakeError(400, "UnknownOperationException", "the fake does not implement " + action);
        }
    }

    private static void notStarted(Deployment d) {
        if (!d.frame().started()) {
            throw new FakeError(400, "DeploymentNotStartedException", "The specified deployment has not started.");
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
        if (busyUnlisted > 0) {
            busyUnlisted--;
            throw new FakeError(400, "DeploymentLimitExceededException",
                    "The Deployment Group '" + group + "' already has an active Deployment 'd-UNLISTED1'");
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

    /** The automatic rollback of {@code failed}: a new deployment of the last successful revision. */
    private void startRollback(Deployment failed) {
        JsonNode lastGood = deployments.values().stream()
                .filter(d -> d.frame().status().equals("Succeeded"))
                .max(java.util.Comparator.comparing(d -> d.created))
                .map(d -> d.revision).orElse(failed.revision);
        String id = String.format("d-ROLLBK%03d", counter++);
        Deployment rollback = new Deployment(id, rollbackTimelines.get(), lastGood,
                "Rollback of " + failed.id, Instant.now());
        rollback.creator = "codeDeployRollback";
        rollback.rollbackTriggeringDeploymentId = failed.id;
        rollback.servesFrom = liveFleet;
        failed.rollbackDeploymentId = id;
        pendingRollbacks.add(rollback);
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
        info.put("creator", d.creator);
        info.put("instanceTerminationWaitTimeStarted", f.terminationWaitStarted());
        if (rollbackTimelines != null) {
            info.put("autoRollbackConfiguration", Map.of("enabled", true, "events", List.of("DEPLOYMENT_FAILURE")));
        }
        if (d.rollbackDeploymentId != null || d.rollbackTriggeringDeploymentId != null) {
            Map<String, Object> rollback = new LinkedHashMap<>();
            if (d.rollbackDeploymentId != null) {
                rollback.put("rollbackDeploymentId", d.rollbackDeploymentId);
                rollback.put("rollbackMessage", "Rollback deployment " + d.rollbackDeploymentId + " created");
            }
            if (d.rollbackTriggeringDeploymentId != null) {
                rollback.put("rollbackTriggeringDeploymentId", d.rollbackTriggeringDeploymentId);
            }
            info.put("rollbackInfo", rollback);
        }
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
        /** DeploymentInfo.creator: user, autoscaling or codeDeployRollback. */
        public String creator = "user";
        public String rollbackDeploymentId;
        public String rollbackTriggeringDeploymentId;
        boolean continued;
        public boolean stopRequested;
        public boolean stopWithRollback;
        /** When it first reached a final status: what the exit-delay measurement starts from. */
        public Instant finishedAt;
        private int index;
        private Frame stoppedFrame;
        /** For a rollback deployment: the fleet it works on (the live one at the time). */
        String servesFrom;

        boolean usesFleet(String fleet) {
            return fleet.equals(servesFrom) || (rollbackTriggeringDeploymentId != null
                    && fleet.equals(replacementFleet(rollbackTriggeringDeploymentId)));
        }

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
                if (stopWithRollback && createdByApi && rollbackTimelines != null) {
                    // StopDeployment autoRollbackEnabled (API reference): roll back what was updated.
                    startRollback(this);
                }
                return;
            }
            if (frame().status().equals("Ready") && !continued) {
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
                if (f.status().equals("Failed") && createdByApi && rollbackTimelines != null) {
                    startRollback(this);
                }
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
