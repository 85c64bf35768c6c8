#!/usr/bin/env bash
# AfterInstall (every_election): the Python dependencies, into the virtualenv outside the code
# directory. pip skips what is already installed, so a second run only checks.
set -euo pipefail
# shellcheck source=lib/settings.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/settings.sh"

if [[ ! -x "$EE_VENV/bin/python" ]]; then
  log "creating the virtualenv $EE_VENV"
  python3 -m venv "$EE_VENV"
fi
[[ -f "$EE_PIP_REQUIREMENTS" ]] || die "no requirements file at $EE_PIP_REQUIREMENTS"
"$EE_VENV/bin/pip" install --quiet --disable-pip-version-check --requirement "$EE_PIP_REQUIREMENTS"
log "Python dependencies installed from $EE_PIP_REQUIREMENTS"
