#!/usr/bin/env bash
# AfterInstall (every_election): database migrations, against the database .env names (or the
# local one). Django skips applied migrations, so a rerun does nothing.
set -euo pipefail
# shellcheck source=../lib/settings.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib/settings.sh"

as_app "$EE_VENV/bin/python" manage.py migrate --noinput
log "migrations applied"
