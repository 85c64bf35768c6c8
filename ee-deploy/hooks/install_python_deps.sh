#!/usr/bin/env bash
# AfterInstall (every_election): the Python dependencies into code/.venv, exactly as uv.lock
# says: the default dependencies and the production group (Gunicorn, gevent, Sentry), not the
# dev and cdk groups (the app's own install_python_deps.sh at c42e0be7 runs the same groups).
# --locked refuses a uv.lock that does not match pyproject.toml instead of resolving anew (the
# app's CI checks the same with `uv lock --locked`). uv sync is exact: a rerun changes nothing.
set -euo pipefail
# shellcheck source=../lib/settings.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib/settings.sh"

# The first hook that needs the app tree checks all that the hooks need of it (app-contract.txt).
missing=()
while read -r path; do
  [[ -n "$path" && "$path" != \#* ]] || continue
  [[ -e "$EE_APP_ROOT/$path" ]] || missing+=("$path")
done <"$(dirname "${BASH_SOURCE[0]}")/../app-contract.txt"
if ((${#missing[@]} > 0)); then
  die "the app tree lacks ${missing[*]} (ee-deploy/app-contract.txt): is the bundle's app tree an EveryElection checkout?"
fi
as_app "$EE_UV" sync --locked --group production --no-group dev --no-group cdk
log "Python dependencies installed into $EE_VENV"
