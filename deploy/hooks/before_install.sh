#!/usr/bin/env bash
# BeforeInstall (root): stop the app if it runs, then empty the code directory, so the Install
# step (file_exists_behavior DISALLOW) never meets a file of an earlier revision.
set -euo pipefail
# shellcheck source=lib/settings.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/settings.sh"

if systemctl is-active --quiet "$EE_SYSTEMD_UNIT"; then
  log "stopping $EE_SYSTEMD_UNIT"
  systemctl stop "$EE_SYSTEMD_UNIT"
else
  log "$EE_SYSTEMD_UNIT is not running"
fi

# A mistaken override must never empty / or a system directory: demand an absolute path at
# least three levels deep (production's is four).
if [[ "$EE_APP_ROOT" != /*/*/* || "$EE_APP_ROOT" == *..* ]]; then
  die "refusing to empty EE_APP_ROOT='$EE_APP_ROOT'"
fi
mkdir -p "$EE_APP_ROOT"
find "$EE_APP_ROOT" -mindepth 1 -delete
log "emptied $EE_APP_ROOT"
