#!/usr/bin/env bash
# Web load benchmark: wrk on the loopback address against a running Tandem, bounded in time.
# Interleaves the pages with the first path, /health/live (the framework's own ceiling: no page, no query), in ROUNDS rounds, so every ratio is taken
# within one run; prints the load average before and after and one line per wrk run, then the medians.
#
#   bench/web/wrk-pages.sh http://127.0.0.1:5099 [ROUNDS=3] [SECONDS=10] [CONNECTIONS=32] [COOKIE]
#
# Start the app first (Production, published build), e.g.
#   ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS=http://127.0.0.1:5099 App__PublicUrl=http://127.0.0.1:5099 \
#     Data__Folder=/tmp/tandem-50k dotnet /tmp/tandem-pub/Tandem.Web.dll
# Paths come from PAGES (space-separated; the first is the reference), default: /health/live / /Public/Mentors /Faq.
# HEADER adds one request header to every request, e.g. HEADER='Accept-Encoding: gzip, deflate, br' as browsers send
# (wrk sends none, so without it the app answers uncompressed).
set -euo pipefail
base=${1:?base URL}; rounds=${2:-3}; secs=${3:-10}; conns=${4:-32}; cookie=${5:-}
pages=${PAGES:-"/health/live / /Public/Mentors /Faq"}
header=${HEADER:-}
out=$(mktemp)
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for url in $pages; do curl -fsS -o /dev/null ${cookie:+-H "Cookie: $cookie"} ${header:+-H "$header"} "$base$url"; done  # warm: JIT, caches
for r in $(seq 1 "$rounds"); do
  for url in $pages; do
    res=$(wrk -t2 -c"$conns" -d"${secs}s" --latency ${cookie:+-H "Cookie: $cookie"} ${header:+-H "$header"} "$base$url")
    rps=$(awk '/^Requests\/sec/ {print $2}' <<<"$res")
    p50=$(awk '$1=="50%" {print $2}' <<<"$res")
    p99=$(awk '$1=="99%" {print $2}' <<<"$res")
    non2xx=$(awk '/Non-2xx/ {print $5}' <<<"$res")
    echo "$r $url $rps $p50 $p99 ${non2xx:-0} $(cut -d' ' -f1 /proc/loadavg)" | tee -a "$out"
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/python3 - "$out" <<'PY'
import sys, statistics as st
rows = [l.split() for l in open(sys.argv[1])]
def ms(v):
    return float(v[:-2]) if v.endswith("ms") else float(v[:-2]) / 1000 if v.endswith("us") else float(v[:-1]) * 1000
urls = list(dict.fromkeys(r[1] for r in rows))
health = st.median(float(r[2]) for r in rows if r[1] == urls[0])
print(f"| path | median requests/s | × `{urls[0]}` | median p50 ms | median p99 ms | non-2xx | load (1 min) during |")
print("|---|---:|---:|---:|---:|---:|---|")
for u in urls:
    rs = [r for r in rows if r[1] == u]
    rps = st.median(float(r[2]) for r in rs)
    ratio = f"{rps / health:.2f}"
    print(f"| `{u}` | {rps:,.0f} | {ratio} | {st.median(ms(r[3]) for r in rs):.1f} | {st.median(ms(r[4]) for r in rs):.1f} | {sum(int(r[5]) for r in rs)} | {', '.join(r[6] for r in rs)} |")
PY
rm -f "$out"
