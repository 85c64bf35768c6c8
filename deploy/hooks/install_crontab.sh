#!/usr/bin/env bash
# AfterInstall (root): installs the revision's crontab to /etc/cron.d. Cron only reads files
# there that root owns and nobody else can write, hence root and mode 0644. Replaced atomically.
set -euo pipefail
# shellcheck source=lib/settings.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/settings.sh"

[[ -f "$EE_CRONTAB_SOURCE" ]] || die "no crontab at $EE_CRONTAB_SOURCE"
next="$(mktemp "$EE_CRON_FILE.XXXXXX")"
trap 'rm -f "$next"' EXIT
cp "$EE_CRONTAB_SOURCE" "$next"
chmod 0644 "$next"
mv -f "$next" "$EE_CRON_FILE"
if [[ "$(id -u)" != 0 ]]; then
  log "warning: not root, so $EE_CRON_FILE is owned by $(id -un) and cron would ignore it"
fi
log "installed $EE_CRON_FILE"
