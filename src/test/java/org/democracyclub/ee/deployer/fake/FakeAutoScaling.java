package org.democracyclub.ee.deployer.fake;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Auto Scaling, as its AWS Query protocol sees it: form fields in, XML out. Instances added by
 * raising the capacity start Pending and are InService after {@link #warmUpDescribes} describes.
 */
public final class FakeAutoScaling {
    private static final String NS = "http://autoscaling.amazonaws.com/doc/2011-01-01/";
    private final Map<String, Group> groups = new LinkedHashMap<>();
    private int warmUpDescribes = 2;
    private int instanceCounter = 100;
    private boolean copiesTags;

    /**
     * Whether the copy CodeDeploy makes carries the live fleet's tags. The user guide's blue/green
     * pages say CodeDeploy "creates an Amazon EC2 Auto Scaling group by copying one you specify"
     * without listing what is copied, so tests run both ways (unconfirmed).
     */
    public synchronized FakeAutoScaling copiesTags(boolean copies) {
        this.copiesTags = copies;
        return this;
    }

    /** A group with {@code inService} running instances. */
    public synchronized FakeAutoScaling addGroup(String name, int min, int desired, int max, int inService) {
        Group g = new Group(name, min, desired, max);
        for (int i = 0; i < inService; i++) {
            g.instances.add(new Instance(nextInstanceId(), "InService", 0));
        }
        groups.put(name, g);
        return this;
    }

    public synchronized FakeAutoScaling warmUpDescribes(int describes) {
        this.warmUpDescribes = describes;
        return this;
    }

    public synchronized boolean exists(String name) {
        return groups.containsKey(name);
    }

    public synchronized Group group(String name) {
        return groups.get(name);
    }

    /** What CodeDeploy does when it copies the live fleet for a blue/green deployment. */
    synchronized void copy(String from, String to) {
        Group source = groups.get(from);
        Group copy = new Group(to, source.min, source.desired, source.max);
        for (int i = 0; i < source.desired; i++) {
            copy.instances.add(new Instance(nextInstanceId(), "InService", 0));
        }
        if (copiesTags) {
            copy.tags.putAll(source.tags);
        }
        groups.put(to, copy);
    }

    synchronized void remove(String name) {
        groups.remove(name);
    }

    synchronized String handle(String action, Map<String, String> p) {
        switch (action) {
            case "DescribeAutoScalingGroups": {
                StringBuilder members = new StringBuilder();
                for (Map.Entry<String, String> e : p.entrySet()) {
                    if (e.getKey().startsWith("AutoScalingGroupNames.member.") && groups.containsKey(e.getValue())) {
                        members.append(describe(groups.get(e.getValue())));
                    }
                }
                return response(action, "<AutoScalingGroups>" + members + "</AutoScalingGroups>");
            }
            case "UpdateAutoScalingGroup": {
                Group g = existing(p.get("AutoScalingGroupName"));
                if (p.containsKey("MinSize")) {
                    g.min = Integer.parseInt(p.get("MinSize"));
                }
                if (p.containsKey("MaxSize")) {
                    g.max = Integer.parseInt(p.get("MaxSize"));
                }
                if (p.containsKey("DesiredCapacity")) {
                    g.desired = Integer.parseInt(p.get("DesiredCapacity"));
                }
                // UpdateAutoScalingGroup (API reference): desired must lie within [min, max].
                if (g.min > g.desired || g.desired > g.max) {
                    throw new FakeError(400, "ValidationError", "Desired capacity:" + g.desired
                            + " must be between the specified min size:" + g.min + " and max size:" + g.max);
                }
                while (g.instances.size() < g.desired) {
                    g.instances.add(new Instance(nextInstanceId(), "Pending", warmUpDescribes));
                }
                return response(action, null);
            }
            case "CreateOrUpdateTags": {
                for (int i = 1; p.containsKey("Tags.member." + i + ".Key"); i++) {
                    existing(p.get("Tags.member." + i + ".ResourceId"))
                            .tags.put(p.get("Tags.member." + i + ".Key"), p.get("Tags.member." + i + ".Value"));
                }
                return response(action, null);
            }
            case "DeleteAutoScalingGroup": {
                existing(p.get("AutoScalingGroupName"));
                groups.remove(p.get("AutoScalingGroupName"));
                return response(action, null);
            }
            default:
                throw new FakeError(400, "InvalidAction", "the fake does not implement " + action);
        }
    }

    private Group existing(String name) {
        Group g = groups.get(name);
        if (g == null) {
            throw new FakeError(400, "ValidationError", "AutoScalingGroup name not found - " + name);
        }
        return g;
    }

    private String describe(Group g) {
        StringBuilder instances = new StringBuilder();
        for (Instance i : g.instances) {
            if (i.lifecycleState.equals("Pending") && i.describesLeft-- <= 0) {
                i.lifecycleState = "InService";
            }
            instances.append("<member><InstanceId>").append(i.id).append("</InstanceId><LifecycleState>")
                    .append(i.lifecycleState).append("</LifecycleState><HealthStatus>Healthy</HealthStatus>"
                            + "<AvailabilityZone>eu-west-2a</AvailabilityZone></member>");
        }
        return "<member><AutoScalingGroupName>" + g.name + "</AutoScalingGroupName><MinSize>" + g.min
                + "</MinSize><MaxSize>" + g.max + "</MaxSize><DesiredCapacity>" + g.desired
                + "</DesiredCapacity><Instances>" + instances + "</Instances></member>";
    }

    private static String response(String action, String result) {
        String body = result == null ? "" : "<" + action + "Result>" + result + "</" + action + "Result>";
        return "<" + action + "Response xmlns=\"" + NS + "\">" + body
                + "<ResponseMetadata><RequestId>fake-request</RequestId></ResponseMetadata></" + action + "Response>";
    }

    static String error(FakeError e) {
        return "<ErrorResponse xmlns=\"" + NS + "\"><Error><Type>" + (e.status >= 500 ? "Receiver" : "Sender")
                + "</Type><Code>" + e.type + "</Code><Message>" + e.getMessage() + "</Message></Error>"
                + "<RequestId>fake-request</RequestId></ErrorResponse>";
    }

    private String nextInstanceId() {
        return String.format("i-0fa4e%012d", instanceCounter++);
    }

    /** One fleet. */
    public static final class Group {
        public final String name;
        public int min;
        public int desired;
        public int max;
        public final List<Instance> instances = new ArrayList<>();
        public final Map<String, String> tags = new java.util.LinkedHashMap<>();

        Group(String name, int min, int desired, int max) {
            this.name = name;
            this.min = min;
            this.desired = desired;
            this.max = max;
        }
    }

    /** One instance and how many more describes it stays Pending. */
    public static final class Instance {
        public final String id;
        public String lifecycleState;
        int describesLeft;

        Instance(String id, String lifecycleState, int describesLeft) {
            this.id = id;
            this.lifecycleState = lifecycleState;
            this.describesLeft = describesLeft;
        }
    }
}
