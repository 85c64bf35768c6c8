package org.democracyclub.ee.deployer.fake;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A scripted deployment: the frames it shows, one after the other. By default each GetDeployment
 * of the deployment moves it one frame on; {@link #advancingEvery} moves it by wall time instead
 * (to measure how long the deployer takes to notice the end). The last frame stays.
 */
public record Timeline(List<Frame> frames, Duration step) {

    /** Events on a replacement instance of a first blue/green deployment, in order. */
    public static final List<String> GREEN_EVENTS = List.of("DownloadBundle", "BeforeInstall", "Install", "AfterInstall",
            "ApplicationStart", "ValidateService", "BeforeAllowTraffic", "AllowTraffic", "AfterAllowTraffic");

    public static final List<String> GREEN_INSTANCES = List.of("i-0a1b2c3d4e5f60001", "i-0a1b2c3d4e5f60002");

    /** Only the last frame: a deployment that ended this way before the test began. */
    public Timeline ended() {
        return new Timeline(List.of(frames.get(frames.size() - 1)), step);
    }

    public Timeline advancingEvery(Duration step) {
        return new Timeline(frames, step);
    }

    /** Created, launching, every event in turn, Succeeded. */
    public static Timeline success() {
        List<Frame> frames = new ArrayList<>();
        frames.add(Frame.of("Created", List.of(), null));
        frames.add(Frame.of("InProgress", targets(-1, "Pending", "Pending", null), null));
        for (int i = 0; i < GREEN_EVENTS.size(); i++) {
            frames.add(Frame.of("InProgress", targets(i, "InProgress", "InProgress", null), null));
        }
        frames.add(Frame.of("Succeeded", targets(GREEN_EVENTS.size(), "Succeeded", "Succeeded", null), null));
        return new Timeline(frames, null);
    }

    /** As {@link #success()} up to {@code event}, which fails on every new instance with these diagnostics. */
    public static Timeline failingIn(String event, Frame.Diagnostics diagnostics) {
        int failed = GREEN_EVENTS.indexOf(event);
        List<Frame> frames = new ArrayList<>();
        frames.add(Frame.of("Created", List.of(), null));
        frames.add(Frame.of("InProgress", targets(-1, "Pending", "Pending", null), null));
        for (int i = 0; i <= failed; i++) {
            frames.add(Frame.of("InProgress", targets(i, "InProgress", "InProgress", null), null));
        }
        frames.add(Frame.of("Failed", targets(failed, "Failed", "Failed", diagnostics),
                new Frame.Error("HEALTH_CONSTRAINTS", "The overall deployment failed because too many individual "
                        + "instances failed deployment, too few healthy instances are available for deployment, or "
                        + "some instances in your deployment group are experiencing problems.")));
        return new Timeline(frames, null);
    }

    /** Never finishes on its own: stays in {@code event}. */
    public static Timeline stuckIn(String event) {
        int at = GREEN_EVENTS.indexOf(event);
        return new Timeline(List.of(
                Frame.of("Created", List.of(), null),
                Frame.of("InProgress", targets(at, "InProgress", "InProgress", null), null)), null);
    }

    /**
     * Another deployment, already InProgress in {@code event} when the deployer first looks, that
     * never finishes: what the deployer reports does not depend on how many polls it managed.
     */
    public static Timeline alreadyStuckIn(String event) {
        int at = GREEN_EVENTS.indexOf(event);
        return new Timeline(List.of(Frame.of("InProgress", targets(at, "InProgress", "InProgress", null), null)), null);
    }

    /** Another deployment, already InProgress, that succeeds after {@code polls} more frames. */
    public static Timeline inFlight(int polls) {
        List<Frame> frames = new ArrayList<>();
        for (int i = 0; i < polls; i++) {
            frames.add(Frame.of("InProgress", targets(Math.min(i, GREEN_EVENTS.size() - 1), "InProgress", "InProgress", null), null));
        }
        frames.add(Frame.of("Succeeded", targets(GREEN_EVENTS.size(), "Succeeded", "Succeeded", null), null));
        return new Timeline(frames, null);
    }

    /**
     * Traffic moved, then the original fleet's termination wait: {@code waitPolls} InProgress frames
     * with instanceTerminationWaitTimeStarted true (DeploymentInfo, CodeDeploy API reference: the
     * deployment stays in progress until the original instances are terminated), then Succeeded.
     */
    public static Timeline terminationWait(int waitPolls) {
        List<Frame> frames = new ArrayList<>(success().frames());
        Frame done = frames.remove(frames.size() - 1);
        Frame moved = Frame.of("InProgress", targets(GREEN_EVENTS.size(), "Succeeded", "Succeeded", null), null).waitingToTerminate();
        for (int i = 0; i < waitPolls; i++) {
            frames.add(moved);
        }
        frames.add(done);
        return new Timeline(frames, null);
    }

    /**
     * Blue/green with a manual reroute: the replacement fleet is installed, then the deployment
     * stays {@code Ready} until ContinueDeployment (ContinueDeployment, CodeDeploy API reference:
     * "starts the process of rerouting traffic from instances in the original environment to
     * instances in the replacement environment without waiting for a specified wait time").
     */
    public static Timeline waitingForReroute() {
        List<Frame> frames = new ArrayList<>();
        frames.add(Frame.of("Created", List.of(), null));
        int before = GREEN_EVENTS.indexOf("AllowTraffic");
        frames.add(Frame.of("InProgress", targets(before - 1, "InProgress", "InProgress", null), null));
        frames.add(Frame.of("Ready", targets(before, "Ready", "Pending", null), null));
        frames.add(Frame.of("InProgress", targets(before, "InProgress", "InProgress", null), null));
        frames.add(Frame.of("Succeeded", targets(GREEN_EVENTS.size(), "Succeeded", "Succeeded", null), null));
        return new Timeline(frames, null);
    }

    /** Finished long ago with this status (history for rollback and status). */
    public static Timeline finished(String status) {
        return new Timeline(List.of(Frame.of(status, targets(GREEN_EVENTS.size(), status, "Succeeded", null), null)), null);
    }

    /**
     * Both new instances: events before {@code at} succeeded, event {@code at} in {@code eventStatus},
     * later ones pending; {@code at} past the end means all succeeded.
     */
    static List<Frame.Target> targets(int at, String targetStatus, String eventStatus, Frame.Diagnostics diagnostics) {
        List<Frame.Target> out = new ArrayList<>();
        for (String id : GREEN_INSTANCES) {
            List<Frame.Event> events = new ArrayList<>();
            for (int i = 0; i < GREEN_EVENTS.size(); i++) {
                String status = i < at ? "Succeeded" : i == at ? eventStatus : "Pending";
                events.add(new Frame.Event(GREEN_EVENTS.get(i), status, i == at ? diagnostics : null));
            }
            out.add(new Frame.Target(id, "Green", targetStatus, events));
        }
        return out;
    }
}
