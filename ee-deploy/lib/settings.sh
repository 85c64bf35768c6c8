# shellcheck shell=bash
# Sourced by every hook and by the programs in ../bin: the one place that names the app's paths,
# user, unit, port and tool versions on an instance. The golden image runs the same files
# (docs/golden-images.md), so the image and the deployments agree by construction.
#
# Only a few values can be overridden from the environment:
#   EE_ROOT_PREFIX   prepended to every absolute path (empty on an instance). The tests set it to a
#                    temporary directory, together with the local runner's --destination, so the
#                    hooks write nothing outside it.
#   EE_AWS_REGION, EE_VALIDATE_ATTEMPTS, EE_VALIDATE_DELAY: where the settings live and how long
#                    ValidateService waits.
# The user, code directory, port and SSM prefix are also in AppDefaults.java;
# AppspecHookSettingsTest fails if the two disagree.

export EE_ROOT_PREFIX="${EE_ROOT_PREFIX:-}"

# The Unix user (and group) that owns the code and runs Gunicorn. Its home is where uv and npm
# keep their caches, which is what makes a second deployment on the same instance fast.
export EE_APP_USER=every_election
export EE_APP_GROUP=every_election
# /var/www/every_election: the project root; the app's code is in code/ (it was repo/ until
# 2025-07; the app's own appspec.yml and deploy/ scripts use code/, commit c42e0be7).
export EE_PROJECT_ROOT="$EE_ROOT_PREFIX/var/www/$EE_APP_USER"
export EE_APP_HOME="$EE_PROJECT_ROOT/home"
# Where CodeDeploy installs the revision (appspec.yaml's files destination).
export EE_APP_ROOT="$EE_PROJECT_ROOT/code"
# uv's project environment: the default .venv of the project directory.
export EE_VENV="$EE_APP_ROOT/.venv"
# The app loads this itself (python-dotenv, in manage.py and every_election/wsgi.py).
export EE_ENV_FILE="$EE_APP_ROOT/.env"
# Gunicorn's port on the instance; the load balancer's health check uses it too.
export EE_APP_PORT=8001
# The systemd unit that runs Gunicorn (the app's own deployment installs the same name).
export EE_SYSTEMD_UNIT=every_election_gunicorn.service
export EE_SYSTEMD_DIR="$EE_ROOT_PREFIX/etc/systemd/system"

# System packages the app needs beyond the DC base image (the app's own BeforeInstall hook,
# deploy/hooks/beforeinstall/initial_setup.sh at c42e0be7). postgresql-16-postgis-3 brings the
# PostgreSQL 16 server, used when EE_DATABASE_HOST is empty.
export EE_SYSTEM_PACKAGES="gdal-bin libproj-dev postgresql-16-postgis-3"

# uv: the app requires "==0.11.*" ([tool.uv] required-version in its pyproject.toml). Installed
# with pip, as the app's install_uv.sh and dc_image_builder's scripts/install_uv.sh do, but into a
# virtualenv of its own rather than into the system Python.
export EE_UV_REQUIREMENT='uv==0.11.*'
export EE_UV_VENV="$EE_ROOT_PREFIX/opt/every_election/uv"
export EE_BIN_DIR="$EE_ROOT_PREFIX/usr/local/bin"
export EE_UV="$EE_BIN_DIR/uv"
# The revision's own programs (.env writer, manage-py-command) are installed here, with this file.
export EE_SYSTEM_DIR="$EE_ROOT_PREFIX/opt/every_election/ee-deploy"

# The app's settings: each SSM parameter directly under this path is one variable of .env.
export EE_SSM_PREFIX=/ee/app/
export EE_AWS_REGION="${EE_AWS_REGION:-eu-west-2}"

# ValidateService: how many times it asks, and the pause between tries.
# 30 x (2 s + 5 s curl limit) < 300 s, the hook's timeout.
export EE_VALIDATE_ATTEMPTS="${EE_VALIDATE_ATTEMPTS:-30}"
export EE_VALIDATE_DELAY="${EE_VALIDATE_DELAY:-2}"
# Django's ALLOWED_HOSTS always holds "localhost" and "127.0.0.1" (every_election/settings/base.py
# at c42e0be7); the instance IP only when DC_ENVIRONMENT is set. Ask as localhost.
export EE_VALIDATE_HOST=localhost

# apt waits this long for another apt (unattended-upgrades at boot) to release its lock.
export EE_APT_LOCK_TIMEOUT=600

# Messages carry the script's name, so the agent's log (and the local runner's) say who spoke.
log() {
  printf '%s: %s\n' "$(basename "$0")" "$*"
}

die() {
  log "ERROR: $*" >&2
  exit 1
}

# The value of one variable of the app's .env (empty when it is not there). The file is parsed,
# never sourced: root hooks call this, and the file lies in the code directory, which the app user
# owns (appspec.yaml's permissions), so the app user can replace it; sourcing it would run the app
# user's text as root. bin/write-env-file writes only NAME='value' lines, with no ' or \ in a
# value, so this reads exactly what bash and python-dotenv read; any other line for NAME is refused.
env_file_value() {
  [[ -r "$EE_ENV_FILE" ]] || die "cannot read $EE_ENV_FILE (AfterInstall's write_env_file.sh writes it)"
  local line value=""
  while IFS= read -r line || [[ -n "$line" ]]; do
    [[ "$line" == "$1="* ]] || continue
    [[ "$line" =~ ^$1=\'([^\'\\]*)\'$ ]] \
      || die "$EE_ENV_FILE: the line for $1 is not $1='value' as bin/write-env-file writes it; rerun the deployment to rewrite the file"
    value="${BASH_REMATCH[1]}"
  done <"$EE_ENV_FILE"
  printf '%s' "$value"
}

# Runs a command as the app user, in the code directory, with the venv's bin/ first on PATH
# (collectstatic runs the venv's pysassc). Hooks already running as the app user call it too;
# then it does not switch.
as_app() {
  if [[ "$(id -un)" == "$EE_APP_USER" || "$(id -u)" != 0 ]]; then
    (cd "$EE_APP_ROOT" && PATH="$EE_VENV/bin:$PATH" "$@")
  else
    (cd "$EE_APP_ROOT" && runuser -u "$EE_APP_USER" -- env PATH="$EE_VENV/bin:$PATH" HOME="$EE_APP_HOME" "$@")
  fi
}
