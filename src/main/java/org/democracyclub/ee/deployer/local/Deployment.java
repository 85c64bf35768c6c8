package org.democracyclub.ee.deployer.local;

import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.democracyclub.ee.deployer.appspec.LifecycleEvent;

/**
 * The identity of one local run, given to every hook the way the agent gives it: the same five
 * variables, with a deployment ID that is visibly local ({@code d-LOCAL...}) so a script that
 * logs it can never be mistaken for a real deployment.
 */
record Deployment(String id, String applicationName, String groupName, String groupId) {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    static Deployment create(String applicationName, String groupName) {
        SecureRandom random = new SecureRandom();
        StringBuilder id = new StringBuilder("d-LOCAL");
        for (int i = 0; i < 9; i++) {
            id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return new Deployment(id.toString(), applicationName, groupName, UUID.randomUUID().toString());
    }

    /** The variables CodeDeploy sets for a hook script of {@code event}. */
    Map<String, String> environment(LifecycleEvent event) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("LIFECYCLE_EVENT", event.appspecName());
        env.put("DEPLOYMENT_ID", id);
        env.put("APPLICATION_NAME", applicationName);
        env.put("DEPLOYMENT_GROUP_NAME", groupName);
        env.put("DEPLOYMENT_GROUP_ID", groupId);
        return env;
    }
}
