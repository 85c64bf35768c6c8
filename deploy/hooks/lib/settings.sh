# shellcheck shell=bash
# Sourced by every hook: the one place that names the app's paths, user, port and services.
# The defaults are production's; each can be overridden by an environment variable of the same
# name, which is how the tests run the hooks in a temporary directory. The user, root and port
# are also in AppDefaults.java; AppspecHookSettingsTest fails if the two disagree.

# The Unix user (and group) that owns the code and runs Gunicorn.
export EE_APP_USER="${EE_APP_USER:-every_election}"
export EE_APP_GROUP="${EE_APP_GROUP:-$EE_APP_USER}"
# Where CodeDeploy installs the revision (appspec.yaml files destination).
export EE_APP_ROOT="${EE_APP_ROOT:-/var/www/every_election/repo}"
# Gunicorn's port on the instance; the load balancer's health check uses it too.
export EE_APP_PORT="${EE_APP_PORT:-8001}"
# The virtualenv lives outside the code directory, which BeforeInstall empties.
export EE_VENV="${EE_VENV:-/var/www/every_election/venv}"
export EE_PIP_REQUIREMENTS="${EE_PIP_REQUIREMENTS:-$EE_APP_ROOT/requirements/production.txt}"
# The systemd unit (installed by the golden image) that runs Gunicorn.
export EE_SYSTEMD_UNIT="${EE_SYSTEMD_UNIT:-gunicorn_every_election.service}"
# The app's settings: every SSM parameter under this path becomes one line of the .env file.
export EE_SSM_PREFIX="${EE_SSM_PREFIX:-/ee/app/}"
export EE_AWS_REGION="${EE_AWS_REGION:-eu-west-2}"
export EE_ENV_FILE="${EE_ENV_FILE:-$EE_APP_ROOT/.env}"
# The revision's crontab, and where cron reads it (cron ignores files there not owned by root).
export EE_CRONTAB_SOURCE="${EE_CRONTAB_SOURCE:-$EE_APP_ROOT/deploy/crontab}"
export EE_CRON_FILE="${EE_CRON_FILE:-/etc/cron.d/every_election}"
# ValidateService: the path it asks for, how many times, the pause between tries, and an optional
# Host header for when Django's ALLOWED_HOSTS refuses 127.0.0.1. 30 x (2 s + 5 s curl limit) < 300 s.
export EE_VALIDATE_PATH="${EE_VALIDATE_PATH:-/}"
export EE_VALIDATE_ATTEMPTS="${EE_VALIDATE_ATTEMPTS:-30}"
export EE_VALIDATE_DELAY="${EE_VALIDATE_DELAY:-2}"
export EE_VALIDATE_HOST="${EE_VALIDATE_HOST:-}"

# Messages carry the hook's name, so the agent's log (and the local runner's) say who spoke.
log() {
  printf '%s: %s\n' "$(basename "$0")" "$*"
}

die() {
  log "ERROR: $*" >&2
  exit 1
}

# Django management commands need the same settings as Gunicorn, which reads the .env file.
load_app_env() {
  [[ -r "$EE_ENV_FILE" ]] || die "cannot read $EE_ENV_FILE (AfterInstall's write_env_file.sh writes it)"
  set -a
  # shellcheck source=/dev/null
  source "$EE_ENV_FILE"
  set +a
}
