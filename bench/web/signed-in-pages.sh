#!/usr/bin/env bash
# Signed-in page timings: signs in with curl (the login form and its antiforgery token), then requests each path
# RUNS times in turn (one client, so no queueing) and prints the median of curl's time_total per path, with the load
# average before and after. The first path is the reference (default /health/live: no page, no query).
#
#   bench/web/signed-in-pages.sh http://127.0.0.1:5099 [RUNS=6] [EMAIL] [PASSWORD]
#
# Paths come from PAGES (space-separated), default: /health/live /Cohorts/6 /Pairs/Overview /Applications?cohortId=6.
set -euo pipefail
base=${1:?base URL}; runs=${2:-6}; email=${3:-coordinator@tandem.local}; password=${4:-Tandem-demo-2026}
pages=${PAGES:-"/health/live /Cohorts/6 /Pairs/Overview /Applications?cohortId=6"}
jar=$(mktemp); out=$(mktemp)
token=$(curl -fsS -c "$jar" -b "$jar" "$base/Account/Login" | grep -o 'name="__RequestVerificationToken"[^>]*value="[^"]*"' | sed 's/.*value="//; s/"$//' | head -n1)
curl -fsS -o /dev/null -c "$jar" -b "$jar" --data-urlencode "__RequestVerificationToken=$token" \
  --data-urlencode "Input.Email=$email" --data-urlencode "Input.Password=$password" "$base/Account/Login"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for url in $pages; do  # warm: JIT, caches; a page that redirects to the login means the sign-in failed
  code=$(curl -sS -o /dev/null -w '%{http_code}' -b "$jar" "$base$url"); [ "$code" = 200 ] || { echo "$url answered $code" >&2; exit 1; }
done
for r in $(seq 1 "$runs"); do
  for url in $pages; do echo "$url $(curl -sS -o /dev/null -b "$jar" -w '%{time_total}' "$base$url")" >> "$out"; done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/python3 - "$out" $pages <<'PY'
import sys, statistics as st
rows = [l.split() for l in open(sys.argv[1])]
for p in sys.argv[2:]:
    t = [float(r[1]) * 1000 for r in rows if r[0] == p]
    print(f"{p}\tmedian {st.median(t):.1f} ms\t(min {min(t):.1f}, max {max(t):.1f}, n={len(t)})")
PY
rm -f "$jar" "$out"
