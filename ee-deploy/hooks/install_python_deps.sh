#!/usr/bin/env bash
# AfterInstall (every_election): the Python dependencies into code/.venv, exactly as uv.lock
# says: the default dependencies and the production group (Gunicorn, gevent, Sentry), not the
# dev and cdk groups (the app's own install_python_deps.sh at c42e0be7 runs the same groups).
# --locked refuses a uv.lock that does not match pyproject.toml instead of resolving anew (the
# app's CI checks the same with `uv lock --locked`). uv sync is exact: a rerun changes nothing.
set -euo pipefail
# shellcheck source=../lib/settings.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib/settings.sh"

for file in pyproject.toml uv.lock; do
  [[ -f "$EE_APP_ROOT/$file" ]] || die "the revision has no $file: is it an EveryElection checkout?"
done
as_app "$EE_UV" sync --locked --group production --no-group dev --no-group cdk
log "Python dependencies installed into $EE_VENV"
