package org.democracyclub.ee.deployer.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.democracyclub.ee.deployer.appspec.AppSpec;
import org.democracyclub.ee.deployer.appspec.FileMapping;

/**
 * The Install event: copies each {@code files} source to its destination, re-rooted under the
 * local destination directory so nothing outside it is touched. Like the agent, a directory
 * source is copied by its contents and a file source into the destination directory.
 * (Permissions are not applied locally; the runner says so.)
 */
final class FileInstaller {
    private final Path bundle;
    private final Path destinationRoot;

    FileInstaller(Path bundle, Path destinationRoot) {
        this.bundle = bundle;
        this.destinationRoot = destinationRoot;
    }

    /** Where an appspec destination lands locally. */
    Path local(String destination) {
        return destinationRoot.resolve(destination.replaceFirst("^/+", ""));
    }

    /** Copies every mapping; returns one summary line per mapping. */
    List<String> install(AppSpec spec) throws IOException, InstallException {
        Map<Path, Path> copies = new LinkedHashMap<>();
        List<String> summary = new ArrayList<>();
        for (FileMapping mapping : spec.files()) {
            Path source = bundle.resolve(mapping.relativeSource()).normalize();
            Path target = local(mapping.destination());
            int before = copies.size();
            if (Files.isDirectory(source)) {
                try (Stream<Path> walk = Files.walk(source)) {
                    walk.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                            .forEach(p -> copies.put(p, target.resolve(source.relativize(p).toString())));
                }
            } else {
                copies.put(source, target.resolve(source.getFileName().toString()));
            }
            summary.add(mapping.source() + " -> " + target + " (" + (copies.size() - before) + " files)");
        }
        List<Path> existing = copies.values().stream().filter(p -> Files.exists(p, LinkOption.NOFOLLOW_LINKS)).toList();
        if (spec.fileExistsBehavior() == AppSpec.FileExistsBehavior.DISALLOW && !existing.isEmpty()) {
            throw new InstallException(existing.size() + " file(s) already exist at the destination, e.g. "
                    + existing.get(0) + "; file_exists_behavior is DISALLOW (the default): empty the destination"
                    + " in BeforeInstall, or set file_exists_behavior: OVERWRITE");
        }
        for (Map.Entry<Path, Path> copy : copies.entrySet()) {
            boolean exists = Files.exists(copy.getValue(), LinkOption.NOFOLLOW_LINKS);
            if (exists && spec.fileExistsBehavior() == AppSpec.FileExistsBehavior.RETAIN) {
                continue;
            }
            Files.createDirectories(copy.getValue().getParent());
            Files.copy(copy.getKey(), copy.getValue(), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
        }
        return summary;
    }

    /** The install cannot proceed; nothing was copied. */
    static final class InstallException extends Exception {
        InstallException(String message) {
            super(message);
        }
    }
}
