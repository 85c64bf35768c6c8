#!/usr/bin/env bash
# AfterInstall (every_election): database migrations. Django skips applied ones, so a rerun
# does nothing.
set -euo pipefail
# shellcheck source=lib/settings.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/settings.sh"

load_app_env
cd "$EE_APP_ROOT"
"$EE_VENV/bin/python" manage.py migrate --noinput
log "migrations applied"
