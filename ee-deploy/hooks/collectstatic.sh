#!/usr/bin/env bash
# AfterInstall (every_election): collects and compiles the static files. The SCSS is compiled by
# running the venv's pysassc, so the venv's bin/ comes first on PATH (as_app). manage.py reads
# DJANGO_SETTINGS_MODULE and the rest from .env itself.
set -euo pipefail
# shellcheck source=../lib/settings.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib/settings.sh"

as_app "$EE_VENV/bin/python" manage.py collectstatic --noinput --clear
log "static files collected"
