package org.democracyclub.ee.deployer.appspec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.democracyclub.ee.common.RevisionLayout;
import org.junit.jupiter.api.Test;

/**
 * The app's settings are listed once, in ee-deploy/env-variables.txt, which the .env writer
 * reads; docs/hooks.md must show each with the same need and source. The unit runs the fact
 * sheet's Gunicorn command.
 */
class AppspecEnvVariablesTest {
    static final Path VARIABLES = Path.of(RevisionLayout.REVISION_DIRECTORY, "env-variables.txt");

    /** NAME to "NEED SOURCE". */
    static Map<String, String> variables() throws IOException {
        Map<String, String> result = new LinkedHashMap<>();
        for (String line : Files.readAllLines(VARIABLES)) {
            String[] words = line.trim().split("\\s+");
            if (words.length >= 3 && !words[0].startsWith("#")) {
                result.put(words[0], words[1] + " " + words[2]);
            }
        }
        return result;
    }

    @Test
    void theAppsRequiredSettingsAreRequiredAndTheStackWritesWhatItKnows() throws IOException {
        Map<String, String> v = variables();
        assertThat(v).containsEntry("DJANGO_SETTINGS_MODULE", "required stack")
                .containsEntry("EE_SECRET_KEY", "required hand")
                .containsEntry("DC_ENVIRONMENT", "required stack")
                .containsEntry("DC_EVENTBUS_ARN", "required stack")
                .containsEntry("FQDN", "required stack")
                .containsEntry("EE_DATABASE_HOST", "optional hand")
                .containsEntry("EE_DATABASE_PASSWORD", "with:EE_DATABASE_HOST hand")
                .doesNotContainKey("SECRET_KEY");
        assertThat(v.values()).allMatch(s -> s.matches("(required|optional|with:[A-Z_]+) (stack|hand)"));
    }

    @Test
    void docsHooksListsEverySettingWithItsNeedAndSource() throws IOException {
        String docs = Files.readString(Path.of("docs/hooks.md"));
        variables().forEach((name, needAndSource) -> {
            String[] parts = needAndSource.split(" ");
            assertThat(docs).as(name).contains("| `" + name + "` | " + parts[0] + " | " + parts[1] + " |");
        });
    }

    @Test
    void theUnitRunsGunicornAsTheAppUserInTheCodeDirectoryWithTheVenvFirstOnPath() throws IOException {
        String unit = Files.readString(Path.of("ee-deploy/systemd/every_election_gunicorn.service"));
        assertThat(unit).contains("\nUser=every_election\n", "\nGroup=every_election\n",
                "\nWorkingDirectory=/var/www/every_election/code\n",
                "\nEnvironment=PATH=/var/www/every_election/code/.venv/bin:",
                "\nExecStart=/var/www/every_election/code/.venv/bin/gunicorn --workers 2 --bind 0.0.0.0:8001"
                        + " --worker-class=gevent --max-requests 100 --max-requests-jitter 20 --timeout 30"
                        + " --access-logfile - every_election.wsgi:application\n");
    }
}
