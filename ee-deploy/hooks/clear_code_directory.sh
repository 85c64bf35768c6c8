#!/usr/bin/env bash
# BeforeInstall (root): stops Gunicorn if it runs (on an instance from the golden image it may
# serve the baked app), then empties the code directory but for the venv, so the Install step
# (file_exists_behavior DISALLOW) never meets a file of an earlier revision or of the image.
# The venv stays: `uv sync` makes it exactly what the new uv.lock says, and only downloads the
# difference.
set -euo pipefail
# shellcheck source=../lib/settings.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib/settings.sh"

if systemctl is-active --quiet "$EE_SYSTEMD_UNIT"; then
  log "stopping $EE_SYSTEMD_UNIT"
  systemctl stop "$EE_SYSTEMD_UNIT"
else
  log "$EE_SYSTEMD_UNIT is not running"
fi

# A wrong prefix must never empty / or a system directory.
if [[ "$EE_APP_ROOT" != /*/*/* || "$EE_APP_ROOT" == *..* ]]; then
  die "refusing to empty EE_APP_ROOT='$EE_APP_ROOT'"
fi
mkdir -p "$EE_APP_ROOT"
find "$EE_APP_ROOT" -mindepth 1 -maxdepth 1 ! -name .venv -exec rm -rf {} +
log "emptied $EE_APP_ROOT (kept .venv)"
