package org.democracyclub.ee.infra.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ops/restore-latest-backup.sh, run for real with recording stand-ins for aws, createdb,
 * pg_restore and psql (docs/operations.md says how it was also tried against a real PostgreSQL).
 */
class RestoreScriptIT {
    private static final Path SCRIPT = Path.of("ops/restore-latest-backup.sh");

    @TempDir
    Path dir;
    private Path bin;
    private Path calls;

    @BeforeEach
    void standIns() throws IOException {
        bin = Files.createDirectories(dir.resolve("bin"));
        calls = dir.resolve("calls");
        Files.writeString(dir.resolve("backup.dump"), "PGDMP fake");
        standIn("aws", """
                echo "aws $*" >> "$CALLS"
                case "$1 $2" in
                  "s3api list-objects-v2") echo "${NEWEST_KEY}" ;;
                  "s3 cp") cp "$FIXTURE" "$4" ;;
                esac
                """);
        standIn("createdb", "echo \"createdb $*\" >> \"$CALLS\"\n");
        standIn("pg_restore", "echo \"pg_restore $*\" >> \"$CALLS\"\n"
                + "[ -s \"${@: -1}\" ] || { echo 'dump missing' >&2; exit 1; }\n");
        standIn("psql", "echo \"psql $*\" >> \"$CALLS\"\necho \"${TABLES:-2}\"\n");
    }

    private void standIn(String name, String body) throws IOException {
        Path file = bin.resolve(name);
        Files.writeString(file, "#!/bin/bash\n" + body);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private record Run(int exit, String output) {
    }

    private Run run(String newestKey, String tables, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("bash", SCRIPT.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PATH", bin + ":/usr/bin:/bin");
        builder.environment().put("CALLS", calls.toString());
        builder.environment().put("FIXTURE", dir.resolve("backup.dump").toString());
        builder.environment().put("NEWEST_KEY", newestKey);
        builder.environment().put("TABLES", tables);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output);
    }

    private List<String> calls() throws IOException {
        return Files.exists(calls) ? Files.readAllLines(calls) : List.of();
    }

    @Test
    void restoresTheNewestBackupIntoANewDatabaseAndCountsItsTables() throws Exception {
        Run run = run("every_election/2026-12-01-01-backup.dump", "57", "--database", "ee_check");
        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output()).contains("Restored s3://dc-ee-production-database-backups/every_election/"
                + "2026-12-01-01-backup.dump into database ee_check: 57 tables in schema public");
        List<String> calls = calls();
        assertThat(calls.get(0)).isEqualTo("aws s3api list-objects-v2 --bucket dc-ee-production-database-backups"
                + " --prefix every_election/ --query sort_by(Contents, &LastModified)[-1].Key --output text");
        assertThat(calls.get(1)).startsWith("aws s3 cp s3://dc-ee-production-database-backups/every_election/"
                + "2026-12-01-01-backup.dump ");
        assertThat(calls.get(2)).isEqualTo("createdb ee_check");
        assertThat(calls.get(3)).startsWith("pg_restore --no-owner --no-acl --exit-on-error --dbname ee_check ");
        assertThat(calls.get(4)).startsWith("psql -X -A -t -d ee_check -c");
    }

    @Test
    void anEmptyBucketIsAFailureThatSaysWhereItLooked() throws Exception {
        Run run = run("None", "2", "--bucket", "other-bucket", "--prefix", "db/");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.output()).contains("no backup under s3://other-bucket/db/");
        assertThat(calls()).noneMatch(c -> c.startsWith("createdb"));
    }

    @Test
    void aRestoreWithNoTablesIsAFailure() throws Exception {
        Run run = run("every_election/x.dump", "0", "--database", "ee_check");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.output()).contains("has no tables in schema public");
    }

    @Test
    void anUnknownArgumentIsAUsageError() throws Exception {
        Run run = run("every_election/x.dump", "2", "--drop-existing");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.output()).contains("unknown argument: --drop-existing").contains("usage:");
        assertThat(calls()).isEmpty();
    }
}
