#!/usr/bin/env bash
# The offline preview's wall time, before and after, in one run (issue 14, point 8): builds the
# jar of BASE_REF (a git ref) in a temporary worktree and the jar of this working tree, then times
# the README's command (each jar previewing its own tree's stacks) for one stack and for all
# three with hyperfine. Run it on an idle machine, nothing else running:
#   scripts/benchmark-preview.sh 9d473c9
# Needs hyperfine (apt-get install -y hyperfine) and the Maven dependencies (offline build).
set -euo pipefail
base_ref=${1:?usage: scripts/benchmark-preview.sh BASE_REF (e.g. the commit before a change)}
runs=${RUNS:-10}
here=$(cd "$(dirname "$0")/.." && pwd)
command -v hyperfine >/dev/null || { echo "hyperfine not found: apt-get install -y hyperfine" >&2; exit 2; }

base_dir=$(mktemp -d)
trap 'git -C "$here" worktree remove --force "$base_dir" >/dev/null 2>&1 || true' EXIT
git -C "$here" worktree add --detach "$base_dir" "$base_ref" >/dev/null
echo "building $base_ref in $base_dir and the working tree in $here"
(cd "$base_dir" && mvn -B -o -q package -DskipTests)
(cd "$here" && mvn -B -o -q package -DskipTests)

# Each jar next to its own class-data sharing archive, started as a user types the command.
cd "$here"
hyperfine -N --warmup 1 --runs "$runs" \
  -n "before: one stack" "java -jar $base_dir/target/ee-infra.jar preview --project-dir $base_dir --stack production" \
  -n "after: one stack" "java -jar $here/target/ee-infra.jar preview --stack production" \
  -n "before: three stacks" "java -jar $base_dir/target/ee-infra.jar preview --project-dir $base_dir --stack development,staging,production" \
  -n "after: three stacks" "java -jar $here/target/ee-infra.jar preview --stack development,staging,production"
