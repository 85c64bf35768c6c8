#!/usr/bin/env bash
# The offline preview's wall time, before and after, in one run (issue 14, point 8): builds the
# jar of BASE_REF (a git ref) in a temporary worktree and the jar of this working tree, then times
# the README's command (each jar previewing its own tree's stacks) for one stack and for all
# three with hyperfine. The runs come in ROUNDS rounds of RUNS runs of each command, so a drift in
# the machine's speed (10-20% within minutes on the 2-CPU build machine) falls on before and after
# alike; the figures are the mean and standard deviation over every round. Run it on an idle
# machine, nothing else running:
#   scripts/benchmark-preview.sh 9d473c9
# Needs hyperfine and jq (apt-get install -y hyperfine jq) and the Maven dependencies (offline build).
set -euo pipefail
base_ref=${1:?usage: scripts/benchmark-preview.sh BASE_REF (e.g. the commit before a change)}
rounds=${ROUNDS:-4}
runs=${RUNS:-5}
here=$(cd "$(dirname "$0")/.." && pwd)
for tool in hyperfine jq; do
  command -v "$tool" >/dev/null || { echo "$tool not found: apt-get install -y $tool" >&2; exit 2; }
done

base_dir=$(mktemp -d)
results=$(mktemp -d)
trap 'git -C "$here" worktree remove --force "$base_dir" >/dev/null 2>&1 || true; rm -rf "$results"' EXIT
git -C "$here" worktree add --detach "$base_dir" "$base_ref" >/dev/null
echo "building $base_ref in $base_dir and the working tree in $here"
(cd "$base_dir" && mvn -B -o -q package -DskipTests)
(cd "$here" && mvn -B -o -q package -DskipTests)

# Each jar next to its own class-data sharing archive, started as a user types the command.
cd "$here"
for round in $(seq "$rounds"); do
  hyperfine -N --warmup 1 --runs "$runs" --style none --export-json "$results/round-$round.json" \
    -n "before: one stack" "java -jar $base_dir/target/ee-infra.jar preview --project-dir $base_dir --stack production" \
    -n "after: one stack" "java -jar $here/target/ee-infra.jar preview --stack production" \
    -n "before: three stacks" "java -jar $base_dir/target/ee-infra.jar preview --project-dir $base_dir --stack development,staging,production" \
    -n "after: three stacks" "java -jar $here/target/ee-infra.jar preview --stack development,staging,production" \
    >/dev/null
done

echo "$rounds rounds of $runs runs each ($(nproc) CPUs, $(date -u +%Y-%m-%dT%H:%MZ)); base $base_ref:"
jq -rs '
  [.[].results[]] | group_by(.command)
  | map({command: .[0].command, times: (map(.times) | add)})
  | map(. + {mean: (.times | add / length)})
  | map(.mean as $mean | . + {sd: ((.times | map(. - $mean | . * .) | add / (length - 1)) | sqrt)})
  | (sort_by([(.command | test("three")), (.command | startswith("after"))])[]
     | "  \(.command): \(.mean * 1000 | round) ms ± \(.sd * 1000 | round) (\(.times | length) runs, min \(.times | min * 1000 | round) ms)"),
    (map({key: .command, value: .mean}) | from_entries
     | "  after/before: one stack \(.["after: one stack"] / .["before: one stack"] * 100 | round)%, three stacks \(.["after: three stacks"] / .["before: three stacks"] * 100 | round)%")
' "$results"/round-*.json
