package org.democracyclub.ee.deployer.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.democracyclub.ee.deployer.appspec.TestBundle;

/**
 * Recording stand-ins for the system commands the hooks call, first on PATH. Each appends one line
 * {@code EVENT command args} to the log, with the instance root written as {@code <root>} and a
 * temporary file's random suffix as {@code XXXXXX}; the app's tools (uv, npm, the venv's python)
 * add their working directory and the first entry of their PATH. They keep the machine's state
 * (installed packages, user, database role...) as files in a state directory, so a second
 * deployment sees what the first one did. Tools the hooks install (pip, uv, the venv's python)
 * are created from templates by the stand-in that installs them, as on an instance.
 */
final class StandIns {
    private static final String RECORD = """
            record() {
              printf '%s %s %s\\n' "${LIFECYCLE_EVENT:-none}" "$(basename "$0")" "$*" \\
                | sed -e "s#$STANDIN_ROOT#<root>#g" -e 's#\\.env\\.[A-Za-z0-9]\\{6\\}#.env.XXXXXX#g' >>"$STANDIN_LOG"
            }
            app_record() { record "$* [cwd $PWD] [path0 ${PATH%%:*}]"; }
            """;

    private StandIns() {
    }

    /** Writes the stand-ins into {@code dir/bin} and {@code dir/templates}. */
    static void write(Path dir) {
        TestBundle t = new TestBundle(dir);
        t.script("bin/dpkg-query", RECORD + """
                record "$@"
                [[ -e "$STANDIN_STATE/packages" ]] && printf 'install ok installed'""");
        t.script("bin/apt-get", RECORD + """
                record "$@"
                [[ " $* " != *" install "* ]] || touch "$STANDIN_STATE/packages\"""");
        t.script("bin/getent", RECORD + """
                record "$@"
                [[ -e "$STANDIN_STATE/user" ]] || exit 2
                echo "every_election:x:998:998::/var/www/every_election/home:/bin/bash\"""");
        t.script("bin/useradd", RECORD + "record \"$@\"\ntouch \"$STANDIN_STATE/user\"");
        t.script("bin/chown", RECORD + "record \"$@\"");
        t.script("bin/python3", RECORD + """
                record "$@"
                [[ "$1 $2" == "-m venv" ]] || exit 2
                mkdir -p "$3/bin"
                cp "$STANDIN_TEMPLATES/pip" "$3/bin/pip\"""");
        t.script("templates/pip", RECORD + """
                record "$@"
                cp "$STANDIN_TEMPLATES/uv" "$(dirname "$0")/uv\"""");
        t.script("templates/uv", RECORD + """
                if [[ "$1" == --version ]]; then record "$@"; echo 'uv 0.11.7'; exit 0; fi
                app_record "$@"
                [[ "$1" == sync ]] || exit 2
                mkdir -p .venv/bin
                cp "$STANDIN_TEMPLATES/python" .venv/bin/python
                touch .venv/bin/gunicorn .venv/synced-by-uv""");
        t.script("templates/python", RECORD + "app_record \"$@\"");
        t.script("bin/npm", RECORD + "app_record \"$@\"\nmkdir -p node_modules");
        t.script("bin/runuser", RECORD + """
                words=()
                while [[ "$1" != -- ]]; do words+=("$1"); shift; done
                shift
                record "${words[@]}"
                exec "$@\"""");
        t.script("bin/psql", RECORD + """
                record "$@"
                sql="${*: -1}"
                case "$sql" in
                  *pg_roles*) [[ -e "$STANDIN_STATE/role" ]] && echo 1 ;;
                  *pg_database*) [[ -e "$STANDIN_STATE/database" ]] && echo 1 ;;
                  "CREATE ROLE"*) touch "$STANDIN_STATE/role" ;;
                  "CREATE DATABASE"*) touch "$STANDIN_STATE/database" ;;
                  "SELECT 1") echo 1 ;;
                esac
                exit 0""");
        t.script("bin/systemctl", RECORD + """
                record "$@"
                case "$1" in
                  is-active) [[ -e "$STANDIN_STATE/active" ]] ;;
                  stop) rm -f "$STANDIN_STATE/active" ;;
                  start | restart) [[ -e "$STANDIN_STATE/broken" ]] || touch "$STANDIN_STATE/active" ;;
                esac""");
        t.script("bin/aws", RECORD + "record \"$@\"\ncat \"$STANDIN_STATE/ssm.json\"");
        t.script("bin/curl", RECORD + "record \"$@\"\ncat \"$STANDIN_STATE/http-status\" 2>/dev/null || printf 200");
    }

    /** The SSM answer of get-parameters-by-path for these NAME, VALUE pairs. */
    static void parameters(Path state, List<String> nameValuePairs) throws IOException {
        StringBuilder json = new StringBuilder("{\"Parameters\": [");
        for (int i = 0; i < nameValuePairs.size(); i += 2) {
            json.append(i == 0 ? "" : ",").append("{\"Name\": \"/ee/app/").append(nameValuePairs.get(i))
                    .append("\", \"Type\": \"String\", \"Value\": \"").append(nameValuePairs.get(i + 1)).append("\"}");
        }
        Files.writeString(state.resolve("ssm.json"), json.append("]}\n").toString());
    }
}
