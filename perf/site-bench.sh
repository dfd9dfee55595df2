#!/usr/bin/env bash
# Site benchmark (prints numbers; not a test). Needs wrk (apt-get install wrk).
#   perf/site-bench.sh [N=1000] [WORKDIR=target/site-bench]
# 1. writes a root of N simulated run folders (perf/SiteBenchRoot.java, from a fixture run);
# 2. start-up: time from launching the packaged site until /api/leaderboard.json answers, and the
#    index time the site logs;
# 3. wrk on loopback against the leaderboard page (2 threads, 32 connections, 20 s, after a 5 s warm-up),
#    once without and once with Accept-Encoding: gzip (the site serves precomputed gzip bytes);
# 4. static export time and size.
# Targets (issue 5): >= 2,000 req/s, p99 <= 20 ms, start-up <= 5 s, export <= 30 s.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
n=${1:-1000}
work=${2:-target/site-bench}
port=${PORT:-18080}
app=quarkus-site/target/quarkus-app/quarkus-run.jar
command -v wrk >/dev/null || { echo "site-bench: wrk missing (apt-get install wrk)" >&2; exit 1; }
[ -f "$app" ] || ./mvnw -q package -DskipTests -pl quarkus-site -am
template=$(ls -d quarkus-site/src/test/resources/sample-root/results/runs/fixture--instant-1t/arith/arith/*/ | head -n 1)
rm -rf "$work" && mkdir -p "$work"
./jbang perf/SiteBenchRoot.java "$template" "$work/root" "$n"

start=$(date +%s%N)
java -jar "$app" --root "$work/root" --port "$port" > "$work/server.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
until curl -fs -o /dev/null "http://127.0.0.1:$port/api/leaderboard.json"; do
  kill -0 $pid 2>/dev/null || { cat "$work/server.log"; exit 1; }
  sleep 0.05
done
ready=$(date +%s%N)
echo "start-up until first answer: $(( (ready - start) / 1000000 )) ms ($n runs)"
grep -o 'claimcheck site: .*' "$work/server.log" | head -n 1
echo "leaderboard page: $(curl -fs "http://127.0.0.1:$port/" | wc -c) bytes, gzip $(curl -fs -H 'Accept-Encoding: gzip' "http://127.0.0.1:$port/" | wc -c) bytes"
for chart in $(curl -fs "http://127.0.0.1:$port/" | grep -o 'data-src="[^"]*"' | cut -d'"' -f2 | sed 's#^\./##'); do
  echo "chart data $chart: $(curl -fs "http://127.0.0.1:$port/$chart" | wc -c) bytes, gzip $(curl -fs -H 'Accept-Encoding: gzip' "http://127.0.0.1:$port/$chart" | wc -c) bytes"
done
for board in $(curl -fs "http://127.0.0.1:$port/" | grep -o 'href="./boards/[^"]*"' | sort -u | cut -d'"' -f2 | sed 's#^\./##'); do
  echo "board page $board: $(curl -fs "http://127.0.0.1:$port/$board" | wc -c) bytes, gzip $(curl -fs -H 'Accept-Encoding: gzip' "http://127.0.0.1:$port/$board" | wc -c) bytes"
done
wrk -t2 -c32 -d5s "http://127.0.0.1:$port/" > /dev/null
echo "--- wrk -t2 -c32 -d20s --latency http://127.0.0.1:$port/"
wrk -t2 -c32 -d20s --latency "http://127.0.0.1:$port/"
wrk -t2 -c32 -d5s -H 'Accept-Encoding: gzip' "http://127.0.0.1:$port/" > /dev/null
echo "--- wrk -t2 -c32 -d20s --latency -H 'Accept-Encoding: gzip' http://127.0.0.1:$port/"
wrk -t2 -c32 -d20s --latency -H 'Accept-Encoding: gzip' "http://127.0.0.1:$port/"
kill $pid; wait $pid 2>/dev/null || true
trap - EXIT

start=$(date +%s%N)
java -jar "$app" --root "$work/root" --export "$work/export"
end=$(date +%s%N)
echo "export wall time incl. JVM start: $(( (end - start) / 1000000 )) ms; size $(du -sh "$work/export" | cut -f1), $(find "$work/export" -type f | wc -l) files"
