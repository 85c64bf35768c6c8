#!/usr/bin/env bash
# AfterInstall (root): when .env names no database host, the app uses a local PostgreSQL with
# PostGIS (the PostgreSQL 16 server comes with postgresql-16-postgis-3): this makes sure it runs
# and has the role (superuser, so Django's PostGIS backend can create the extension) and the
# database. Django connects over the Unix socket as the app user, which PostgreSQL's default
# peer authentication maps to the role of the same name: no password. Creates only what is
# missing, so a rerun changes nothing. With a database host set, it does nothing.
set -euo pipefail
# shellcheck source=../lib/settings.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib/settings.sh"

host="$(env_file_value EE_DATABASE_HOST)"
if [[ -n "$host" ]]; then
  log "EE_DATABASE_HOST is set: the app uses that database, no local one"
  exit 0
fi
# The app's defaults (every_election/settings/base.py) are the app user's name for both.
name="$(env_file_value EE_DATABASE_NAME)"
name="${name:-$EE_APP_USER}"
role="$(env_file_value EE_DATABASE_USER)"
role="${role:-$EE_APP_USER}"
[[ "$role" == "$EE_APP_USER" ]] \
  || die "EE_DATABASE_USER='$role' with a local database: peer authentication admits only the app user's own role ($EE_APP_USER)"
[[ "$name" =~ ^[a-z_][a-z0-9_]*$ ]] || die "EE_DATABASE_NAME='$name' is not a plain database name"

systemctl enable --now postgresql.service
as_postgres() {
  runuser -u postgres -- psql --no-psqlrc --quiet --tuples-only --no-align -v ON_ERROR_STOP=1 "$@"
}
# The server may still be starting: wait for it to answer (at most 60 s).
for ((attempt = 1; ; attempt++)); do
  as_postgres -c 'SELECT 1' >/dev/null 2>&1 && break
  ((attempt < 30)) || die "the local PostgreSQL did not answer within 60 s"
  sleep 2
done
if [[ "$(as_postgres -c "SELECT 1 FROM pg_roles WHERE rolname = '$role'")" != 1 ]]; then
  as_postgres -c "CREATE ROLE $role LOGIN SUPERUSER"
  log "created role $role"
fi
if [[ "$(as_postgres -c "SELECT 1 FROM pg_database WHERE datname = '$name'")" != 1 ]]; then
  as_postgres -c "CREATE DATABASE $name OWNER $role"
  log "created database $name"
fi
log "local database $name ready for $role"
