#!/usr/bin/env bash
# AfterInstall (every_election): the front-end dependencies, exactly as package-lock.json says.
# collectstatic needs them: STATICFILES_DIRS includes ../node_modules. npm ci starts from an
# empty node_modules every time, which is what makes it repeatable.
set -euo pipefail
# shellcheck source=../lib/settings.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib/settings.sh"

[[ -f "$EE_APP_ROOT/package-lock.json" ]] || die "the revision has no package-lock.json"
as_app npm ci --no-audit --no-fund
log "front-end dependencies installed"
