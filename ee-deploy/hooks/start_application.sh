#!/usr/bin/env bash
# ApplicationStart (root): enables Gunicorn's unit (so a reboot starts it) and (re)starts it, so
# the new code runs even if something started the old one again since BeforeInstall.
set -euo pipefail
# shellcheck source=../lib/settings.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib/settings.sh"

systemctl daemon-reload
systemctl enable "$EE_SYSTEMD_UNIT"
systemctl restart "$EE_SYSTEMD_UNIT"
log "started $EE_SYSTEMD_UNIT"
