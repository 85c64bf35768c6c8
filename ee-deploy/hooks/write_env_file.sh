#!/usr/bin/env bash
# AfterInstall (root): writes the app's .env with the revision's one writer (bin/write-env-file),
# which the golden image installs too. It fails, naming every missing variable, before anything
# starts with incomplete settings.
set -euo pipefail
# shellcheck source=../lib/settings.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib/settings.sh"

"$(dirname "${BASH_SOURCE[0]}")/../bin/write-env-file"
