package org.democracyclub.ee.deployer.bundle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * Small trees for the bundle tests: an application checkout of the real app's shape (its own
 * appspec.yml and deploy/ that must not ship, manage.py, pyproject.toml, an executable
 * serverscript) committed with the real git CLI, and a deploy source with its own ee-deploy/, so
 * these tests depend on neither the hooks lane's files nor this repository's working tree.
 */
final class Trees {
    private Trees() {
    }

    static Path app(Path dir) {
        write(dir, "manage.py", "#!/usr/bin/env python\nprint('manage')\n");
        write(dir, "pyproject.toml", "[project]\nname = \"every_election\"\nrequires-python = \"==3.12.*\"\n");
        write(dir, "every_election/settings/base.py", "DEBUG = False\n");
        write(dir, "appspec.yml", "version: 0.0\nos: linux\n");
        write(dir, "deploy/hooks/afterinstall/install_uv.sh", "#!/bin/bash\nexit 1\n");
        write(dir, "serverscripts/backup_db_to_s3.sh", "#!/bin/bash\necho backup\n");
        executable(dir, "serverscripts/backup_db_to_s3.sh");
        return dir;
    }

    static Path deploySource(Path dir) {
        write(dir, "appspec.yaml", "version: 0.0\nos: linux\nhooks:\n  ApplicationStart:\n"
                + "    - location: ee-deploy/hooks/start.sh\n      timeout: 60\n");
        write(dir, "ee-deploy/hooks/start.sh", "#!/usr/bin/env bash\necho started\n");
        executable(dir, "ee-deploy/hooks/start.sh");
        write(dir, "ee-deploy/systemd/every_election_gunicorn.service", "[Unit]\n");
        return dir;
    }

    static String commitAll(Path dir) {
        git(dir, "init", "-q", "-b", "main");
        git(dir, "add", "-A");
        git(dir, "-c", "user.name=Test", "-c", "user.email=test@example.invalid", "commit", "-q", "-m", "fixture");
        return git(dir, "rev-parse", "HEAD").strip();
    }

    static String git(Path dir, String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IllegalStateException(command + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    static void write(Path dir, String name, String content) {
        try {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void executable(Path dir, String name) {
        try {
            Files.setPosixFilePermissions(dir.resolve(name), PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
