package org.democracyclub.ee.common;

import java.util.List;

/**
 * The shape of the revision bundle the deployer composes and the CodeDeploy agent unpacks: the
 * application tree at the application commit, plus this repository's appspec and revision files.
 * The bundle command, the hooks and the tests all take the names from here.
 *
 * <p>The agent reads lifecycle hooks only from {@code appspec.yml} at the revision root: the
 * deployment specification's default file name in aws/aws-codedeploy-agent
 * ({@code lib/instance_agent/plugins/codedeploy/deployment_specification.rb}); only the Install
 * step falls back to {@code appspec.yaml}. So this repository keeps {@code appspec.yaml}, as the
 * users asked, and the bundle carries it as {@code appspec.yml}.
 */
public final class RevisionLayout {
    /** The appspec as this repository keeps it. */
    public static final String SOURCE_APPSPEC = "appspec.yaml";
    /** The appspec as the bundle carries it: the only name the agent reads hooks from. */
    public static final String BUNDLE_APPSPEC = "appspec.yml";
    /**
     * This repository's revision files (hooks, systemd unit, .env writer, job wrappers), at the
     * same path in this repository and in the bundle. The application tree has no such directory;
     * the bundle command refuses one that does.
     */
    public static final String REVISION_DIRECTORY = "ee-deploy";
    /** The manifest at the bundle root: which application commit and which commit of this repository. */
    public static final String MANIFEST = "ee-revision.json";
    /**
     * Top-level paths of the application tree that never ship: its git metadata, its own appspec
     * and the deploy/ scripts of the system we replace (they would never run, and must not confuse).
     */
    public static final List<String> EXCLUDED_APP_PATHS = List.of(".git", "appspec.yml", "appspec.yaml", "deploy");

    private RevisionLayout() {
    }
}
