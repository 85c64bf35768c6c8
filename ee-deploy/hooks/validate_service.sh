#!/usr/bin/env bash
# ValidateService (root): the unit must be active AND the app must answer 2xx on its port. The
# old check only asked systemd, which says "active" while Gunicorn is still failing to boot.
set -euo pipefail
# shellcheck source=../lib/settings.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib/settings.sh"

if ! systemctl is-active --quiet "$EE_SYSTEMD_UNIT"; then
  systemctl status --no-pager "$EE_SYSTEMD_UNIT" || true
  die "$EE_SYSTEMD_UNIT is not active"
fi

# "/" is the page the load balancer checks; basic auth lets it through (BASIC_AUTH_ALLOWLIST).
url="http://127.0.0.1:${EE_APP_PORT}/"
for ((attempt = 1; attempt <= EE_VALIDATE_ATTEMPTS; attempt++)); do
  # curl prints 000 when nothing answers; its own exit status adds nothing to that.
  status="$(curl --silent --output /dev/null --max-time 5 --write-out '%{http_code}' \
    --header "Host: $EE_VALIDATE_HOST" "$url" || true)"
  if [[ "$status" == 2[0-9][0-9] ]]; then
    log "$url answered $status (attempt $attempt)"
    exit 0
  fi
  log "attempt $attempt/$EE_VALIDATE_ATTEMPTS: $url answered ${status:-nothing}"
  if ((attempt < EE_VALIDATE_ATTEMPTS)); then
    sleep "$EE_VALIDATE_DELAY"
  fi
done
die "$url did not answer 2xx after $EE_VALIDATE_ATTEMPTS attempts"
