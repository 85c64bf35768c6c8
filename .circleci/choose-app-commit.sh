#!/usr/bin/env bash
# Which application commit the deploy job ships, exported as APP_COMMIT for the next steps:
#   1. the pipeline parameter app_commit, when the application's CI triggered this pipeline;
#   2. otherwise the commit live in this environment (a change to this repository only is
#      redeployed with the same application), from the deployer's live-commit;
#   3. otherwise (nothing deployed yet, live-commit exits 1) the head of the application's master.
# Any other live-commit failure (2 bad input, 4 AWS) stops the job: guessing could ship the wrong code.
set -euo pipefail

requested="${1:-}"
if [ -n "$requested" ]; then
  commit="$requested"
  echo "Deploying the application commit the pipeline was given: $commit"
else
  set +e
  commit="$(java -jar target/ee-deployer.jar live-commit)"
  status=$?
  set -e
  if [ "$status" -eq 0 ]; then
    echo "Redeploying the live application commit: $commit"
  elif [ "$status" -eq 1 ]; then
    commit="$(git ls-remote https://github.com/DemocracyClub/EveryElection.git refs/heads/master | cut -f1)"
    echo "Nothing is deployed yet: deploying the head of the application's master, $commit"
  else
    echo "live-commit failed (exit $status); set the pipeline parameter app_commit to choose the commit" >&2
    exit "$status"
  fi
fi
if ! [[ "$commit" =~ ^[0-9a-f]{40}$ ]]; then
  echo "the application commit must be 40 lowercase hex digits, got '$commit'" >&2
  exit 2
fi
echo "export APP_COMMIT='$commit'" >> "$BASH_ENV"
