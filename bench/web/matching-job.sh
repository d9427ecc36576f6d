#!/usr/bin/env bash
# The matching of a cohort as the web page runs it, end to end: signs in through the API (bearer token), moves the
# cohort to Matching if it is still Open, starts a background job (POST /api/v1/cohorts/{id}/matching/jobs) and polls
# its status every 0.2 s until it ends (bounded by TIMEOUT seconds), printing when each stage was first seen, the
# total from the start request to the completed state, and the load average before and after.
#
#   bench/web/matching-job.sh http://127.0.0.1:5231 [COHORT=6] [RUNS=1] [EMAIL] [PASSWORD]
#
# The job includes loading the cohort from the database, scoring, solving, explaining every pair and every unmatched
# person, and saving the run. Start the app first (Production, published build) on a seeded database
# (`seed --members 50000`; the open cohort is 6).
set -euo pipefail
base=${1:?base URL}; cohort=${2:-6}; runs=${3:-1}; email=${4:-coordinator@tandem.local}; password=${5:-Tandem-demo-2026}
timeout=${TIMEOUT:-300}
token=$(curl -fsS -H 'Content-Type: application/json' -d "{\"email\":\"$email\",\"password\":\"$password\"}" "$base/api/v1/account/login" \
  | /usr/bin/python3 -c 'import sys, json; print(json.load(sys.stdin)["accessToken"])')
auth=(-H "Authorization: Bearer $token" -H 'Content-Type: application/json' -H 'Accept: application/json')
status=$(curl -fsS "${auth[@]}" "$base/api/v1/cohorts/$cohort" | /usr/bin/python3 -c 'import sys, json; j = json.load(sys.stdin); print(j.get("cohort", j)["status"])')
if [ "$status" = "Open" ] || [ "$status" = "open" ] || [ "$status" = "1" ]; then
  curl -fsS -o /dev/null "${auth[@]}" -d '{"to":"Matching","confirm":true}' "$base/api/v1/cohorts/$cohort/transition"
fi
for r in $(seq 1 "$runs"); do
  echo "run $r: load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  start=$(date +%s.%N)
  job=$(curl -sS "${auth[@]}" -d '{"mode":"optimal"}' "$base/api/v1/cohorts/$cohort/matching/jobs")
  id=$(/usr/bin/python3 -c 'import sys, json; j = json.loads(sys.argv[1]); print(j.get("id") or sys.exit("start refused: " + sys.argv[1]))' "$job")
  last=""
  while :; do
    now=$(date +%s.%N)
    s=$(curl -fsS "${auth[@]}" "$base/api/v1/cohorts/$cohort/matching/jobs/$id")
    read -r state stage matched mentees <<<"$(/usr/bin/python3 -c 'import sys, json; j = json.loads(sys.argv[1]); print(j["state"], j["stage"], j["matched"], j["mentees"])' "$s")"
    if [ "$stage" != "$last" ]; then printf '  %8.2f s  %s (%s)\n' "$(echo "$now - $start" | bc)" "$stage" "$state"; last=$stage; fi
    case $state in completed|failed|cancelled) break ;; esac
    if (( $(echo "$now - $start > $timeout" | bc) )); then
      curl -fsS -o /dev/null -X POST "${auth[@]}" "$base/api/v1/cohorts/$cohort/matching/jobs/$id/cancel"; echo "  gave up after $timeout s (cancelled)"; break
    fi
    sleep 0.2
  done
  printf 'run %s: job %s %s in %.2f s end to end (matched %s of %s mentees)\n' "$r" "$id" "$state" "$(echo "$(date +%s.%N) - $start" | bc)" "$matched" "$mentees"
  echo "run $r: load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
done
