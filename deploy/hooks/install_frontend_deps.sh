#!/usr/bin/env bash
# AfterInstall (every_election): the frontend dependencies, exactly as locked. npm ci starts from
# an empty node_modules every time, which is what makes it repeatable.
set -euo pipefail
# shellcheck source=lib/settings.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/settings.sh"

cd "$EE_APP_ROOT"
npm ci --no-audit --no-fund
log "frontend dependencies installed"
