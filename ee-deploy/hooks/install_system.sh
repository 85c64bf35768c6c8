#!/usr/bin/env bash
# BeforeInstall (root): the system layer the app needs, the same that the golden image bakes by
# running this script: system packages, the app user and its directories, uv, the Gunicorn unit,
# and the revision's programs (.env writer, manage-py-command). Each part checks before it
# changes anything, so on an instance from the golden image, or on a second deployment, it only
# checks.
set -euo pipefail
# shellcheck source=../lib/settings.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib/settings.sh"
revision="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# --- system packages
read -ra packages <<<"$EE_SYSTEM_PACKAGES"
missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query --show --showformat='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$package")
  fi
done
if ((${#missing[@]} > 0)); then
  log "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get -o DPkg::Lock::Timeout="$EE_APT_LOCK_TIMEOUT" update -q
  apt-get -o DPkg::Lock::Timeout="$EE_APT_LOCK_TIMEOUT" install -y -q "${missing[@]}"
else
  log "system packages present: $EE_SYSTEM_PACKAGES"
fi

# --- the app user, its home, and the project root owned by it
if ! getent passwd "$EE_APP_USER" >/dev/null; then
  log "creating user $EE_APP_USER"
  useradd --shell /bin/bash --create-home --home-dir "$EE_APP_HOME" --user-group "$EE_APP_USER"
fi
mkdir -p "$EE_PROJECT_ROOT" "$EE_APP_HOME" "$EE_APP_ROOT"
chmod 0755 "$EE_PROJECT_ROOT" "$EE_APP_HOME" "$EE_APP_ROOT"
chown "$EE_APP_USER:$EE_APP_GROUP" "$EE_PROJECT_ROOT" "$EE_APP_HOME" "$EE_APP_ROOT"

# --- uv, at the version the app requires
want="${EE_UV_REQUIREMENT#uv==}"
# shellcheck disable=SC2053 # $want is a glob on purpose: 0.11.*
if [[ -x "$EE_UV" && "$("$EE_UV" --version 2>/dev/null | cut -d' ' -f2)" == $want ]]; then
  log "uv present: $("$EE_UV" --version)"
else
  log "installing $EE_UV_REQUIREMENT into $EE_UV_VENV"
  rm -rf "$EE_UV_VENV"
  mkdir -p "$(dirname "$EE_UV_VENV")" "$EE_BIN_DIR"
  python3 -m venv "$EE_UV_VENV"
  "$EE_UV_VENV/bin/pip" install --quiet --disable-pip-version-check "$EE_UV_REQUIREMENT"
  ln -sfn "$EE_UV_VENV/bin/uv" "$EE_UV"
  log "installed $("$EE_UV" --version)"
fi

# --- the revision's programs and settings, in one directory, replaced as a whole
mkdir -p "$(dirname "$EE_SYSTEM_DIR")" "$EE_BIN_DIR"
next="$(mktemp -d "$EE_SYSTEM_DIR.next.XXXXXX")"
trap 'rm -rf "$next"' EXIT
cp -R "$revision/bin" "$revision/lib" "$revision/env-variables.txt" "$next/"
chmod -R go-w "$next"
chmod 0755 "$next"
rm -rf "$EE_SYSTEM_DIR"
mv "$next" "$EE_SYSTEM_DIR"
trap - EXIT
ln -sfn "$EE_SYSTEM_DIR/bin/manage-py-command" "$EE_BIN_DIR/manage-py-command"
ln -sfn "$EE_SYSTEM_DIR/bin/write-env-file" "$EE_BIN_DIR/ee-write-env-file"

# --- the Gunicorn unit; ApplicationStart enables and (re)starts it
mkdir -p "$EE_SYSTEMD_DIR"
install -m 0644 "$revision/systemd/$EE_SYSTEMD_UNIT" "$EE_SYSTEMD_DIR/$EE_SYSTEMD_UNIT"
systemctl daemon-reload
log "system layer ready"
