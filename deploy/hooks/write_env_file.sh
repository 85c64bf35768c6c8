#!/usr/bin/env bash
# AfterInstall (root): writes the app's .env from its SSM parameters: each parameter under
# EE_SSM_PREFIX becomes NAME='value' (NAME = the last part of the parameter's path). Root writes
# it, the app's group may only read it. Replaced atomically, so a rerun is harmless.
set -euo pipefail
# shellcheck source=lib/settings.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/settings.sh"

raw="$(mktemp)"
next="$(mktemp "$EE_ENV_FILE.XXXXXX")"
trap 'rm -f "$raw" "$next"' EXIT

aws ssm get-parameters-by-path --region "$EE_AWS_REGION" --path "$EE_SSM_PREFIX" \
  --recursive --with-decryption --query 'Parameters[].[Name,Value]' --output text >"$raw"

count=0
while IFS=$'\t' read -r path value; do
  [[ -n "$path" ]] || continue
  name="${path##*/}"
  [[ "$name" =~ ^[A-Z_][A-Z0-9_]*$ ]] || die "parameter $path: '$name' is not an environment variable name"
  [[ "$value" != *"'"* ]] || die "parameter $path: values with a single quote are not supported"
  printf "%s='%s'\n" "$name" "$value" >>"$next"
  count=$((count + 1))
done <"$raw"
# No parameters means a wrong prefix or missing IAM access: the app would start without settings.
((count > 0)) || die "no SSM parameters under $EE_SSM_PREFIX in $EE_AWS_REGION"

chmod 0640 "$next"
chown "$(id -un):$EE_APP_GROUP" "$next"
mv -f "$next" "$EE_ENV_FILE"
log "wrote $count settings to $EE_ENV_FILE"
