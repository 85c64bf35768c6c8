#!/usr/bin/env bash
# AfterInstall (every_election): collects static files for the web server. Unchanged files are
# skipped, so a rerun is cheap.
set -euo pipefail
# shellcheck source=lib/settings.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/settings.sh"

load_app_env
cd "$EE_APP_ROOT"
"$EE_VENV/bin/python" manage.py collectstatic --noinput
log "static files collected"
