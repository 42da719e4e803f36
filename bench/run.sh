#!/usr/bin/env bash
# Learning Map at benchmark volume: starts the application on 127.0.0.1 with its embedded PostgreSQL
# in bench/data/ (100,000 activities on the first run), measures the search API, the search page,
# the home page and the map clusters with wrk, measures what the catalogue pages transfer, and writes
# the figures into bench/README.md under "Last results". Every request goes to 127.0.0.1 only and
# every run is bounded in time. See bench/README.md for the settings.
set -euo pipefail
cd "$(dirname "$0")/.."

PER_SITE=${BENCH_ACTIVITIES_PER_SITE:-50000}
PORT=${BENCH_PORT:-18765}
DURATION=${BENCH_DURATION:-20s}
WARMUP=${BENCH_WARMUP:-5s}
THREADS=${BENCH_THREADS:-2}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
READY_TIMEOUT=${BENCH_READY_TIMEOUT:-1800}
DATA=bench/data/postgres-$PER_SITE
OUT=bench/results
BASE=http://127.0.0.1:$PORT
CATALOGUE_PAGE="/search?q=smartphone"
mkdir -p "$OUT"

say() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

# wrk from Debian's packages.
if ! command -v wrk >/dev/null 2>&1; then
  say "installing wrk"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq wrk >/dev/null
fi

# A JDK 21 or newer, as ./learning-map picks it.
java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -1; }
pick_jdk() {
  local candidates=() best="" best_version=0
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  command -v java >/dev/null 2>&1 && candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  for dir in /usr/lib/jvm/*; do candidates+=("$dir"); done
  for candidate in "${candidates[@]}"; do
    [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    local version; version=$(java_major "$candidate"); version=${version%%.*}
    if [ -n "$version" ] && [ "$version" -ge 21 ] && [ "$version" -gt "$best_version" ]; then
      best="$candidate"; best_version="$version"
    fi
  done
  [ -n "$best" ] || { echo "the benchmark needs a JDK 21 or newer" >&2; exit 1; }
  export JAVA_HOME="$best"
}
pick_jdk

if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
  say "building the application jar"
  ./mvnw -B -q package -DskipTests
fi
JAR=$(ls target/learning-map-*.jar | grep -v '\.original$' | head -1)

LOAD_RECORD=$DATA.load.txt
if [ "${BENCH_FRESH:-0}" = 1 ]; then
  rm -rf "$DATA" "$LOAD_RECORD"
fi
FIRST_LOAD=no
[ -d "$DATA" ] || FIRST_LOAD=yes

# Measure our own application only: anything already answering on the port would be measured instead.
if curl -s -o /dev/null --max-time 2 "$BASE/"; then
  echo "something already answers on $BASE; stop it or choose another BENCH_PORT" >&2
  exit 1
fi

APP_ARGS=(--server.address=127.0.0.1 --server.port="$PORT"
  --learningmap.embedded-database.data-directory="$DATA"
  --learningmap.demo-data.activities-per-site="$PER_SITE"
  --learningmap.mail.dev-catcher=false)
say "starting the application on $BASE with data in $DATA (first load: $FIRST_LOAD)"
STARTED=$(date +%s)
"$JAVA_HOME/bin/java" -jar "$JAR" "${APP_ARGS[@]}" >"$OUT/app.log" 2>&1 &
APP_PID=$!
stop_app() {
  if kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID"
    wait "$APP_PID" 2>/dev/null || true
  fi
}
trap stop_app EXIT

# Ready means the demo loader has finished: the readiness probe only turns UP after it.
until curl -sf -o /dev/null "$BASE/actuator/health/readiness"; do
  kill -0 "$APP_PID" 2>/dev/null || { tail -50 "$OUT/app.log" >&2; echo "the application stopped" >&2; exit 1; }
  [ $(( $(date +%s) - STARTED )) -lt "$READY_TIMEOUT" ] || { echo "not ready after ${READY_TIMEOUT}s" >&2; exit 1; }
  sleep 2
done
READY_SECONDS=$(( $(date +%s) - STARTED ))
LOAD_MS=$(sed -n 's/.*Demo data loaded in \([0-9]*\) ms.*/\1/p' "$OUT/app.log" | tail -1)
SITES=$(sed -n 's/.*DemoCatalogue *: \(Demo site .*\)$/\1/p' "$OUT/app.log")
if [ "$FIRST_LOAD" = yes ] && [ -n "$LOAD_MS" ]; then
  { echo "Generating and loading the data took **$((LOAD_MS / 1000)) s** on $(date -u +%Y-%m-%d) (load average then: $(cut -d' ' -f1-3 /proc/loadavg); ready ${READY_SECONDS} s after start):"
    echo
    sed 's/^/- /' <<<"$SITES"; } >"$LOAD_RECORD"
fi
say "ready after ${READY_SECONDS}s"

status_of() { curl -s -o /dev/null -w '%{http_code}' -H 'Accept-Encoding: gzip' "$BASE$1"; }

# scenario, a representative path to check that the endpoint exists in this build
SCENARIOS=(
  "search-api|/api/v1/activities?q=smartphone"
  "search-page|/search?q=smartphone"
  "clusters|/api/v1/map/clusters?bbox=20.9,53.9,26.9,56.5&zoom=7"
  "home|/"
  "search-api-popular|/api/v1/activities?q=smartphone"
  "search-page-popular|/search?q=smartphone"
)
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
declare -A RESULT
declare -A COMMAND
declare -A LOADAVG
declare -A PASS
for entry in "${SCENARIOS[@]}"; do
  scenario=${entry%%|*}; probe=${entry#*|}
  code=$(status_of "$probe")
  if [ "$code" != 200 ]; then
    RESULT[$scenario]="not measured: GET $probe answers $code in this build"
    say "$scenario: skipped ($probe answers $code)"
    continue
  fi
  # Warm-up pass: every distinct path the run will ask for, once, two at a time (the first request of
  # a search computes it; the run then measures the searches people repeat), then a short wrk warm-up.
  BENCH_LIST=6000 BENCH_SCENARIO=$scenario wrk -t1 -c1 -d1s -s bench/scenarios.lua "$BASE" 2>/dev/null \
    | grep '^/' | sort -u >"$OUT/$scenario.paths"
  PASS_STARTED=$(date +%s)
  sed "s|^|$BASE|" "$OUT/$scenario.paths" \
    | xargs -P 2 -I{} curl -s -o /dev/null -H 'Accept-Encoding: gzip' -H 'Accept-Language: lt' --max-time 30 {} || true
  PASS[$scenario]="$(wc -l <"$OUT/$scenario.paths") paths in $(( $(date +%s) - PASS_STARTED )) s"
  say "$scenario: warm-up pass over ${PASS[$scenario]}; wrk warm-up for $WARMUP, then measuring for $DURATION"
  BENCH_SCENARIO=$scenario wrk -t"$THREADS" -c8 -d"$WARMUP" -s bench/scenarios.lua "$BASE" >/dev/null
  LOADAVG[$scenario]=$(cut -d' ' -f1-3 /proc/loadavg)
  COMMAND[$scenario]="BENCH_SCENARIO=$scenario wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency -s bench/scenarios.lua $BASE"
  BENCH_SCENARIO=$scenario wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s bench/scenarios.lua "$BASE" \
    | tee "$OUT/$scenario.txt" >&2
  line=$(grep '^RESULT ' "$OUT/$scenario.txt" || true)
  [ -n "$line" ] || { echo "wrk printed no RESULT line for $scenario" >&2; exit 1; }
  RESULT[$scenario]=$line
done

field() { sed -n "s/.* $2=\([^ ]*\).*/\1/p" <<<"$1"; }

# What a search nobody has asked before costs: a common word ("kompiuteris", about 4,500 matches in
# Lithuania) with an age the scenarios never use, so neither the answers kept in memory nor the kept
# facet groups can answer it. Five of each, one at a time, after the runs above (JIT and database warm).
cold_miss() { curl -s -o /dev/null -w '%{time_total}' -H 'Accept-Encoding: gzip' -H 'Accept-Language: lt' "$BASE$1" | awk '{printf "%.0f", $1 * 1000}'; }
COLD_LOAD=$(cut -d' ' -f1-3 /proc/loadavg)
COLD_API=(); COLD_PAGE=()
for age in 21 22 23 24 25; do COLD_API+=("$(cold_miss "/api/v1/activities?q=kompiuteris&age=$age")"); done
for age in 26 27 28 29 30; do COLD_PAGE+=("$(cold_miss "/search?q=kompiuteris&age=$age")"); done
median() { printf '%s\n' "$@" | sort -n | sed -n 3p; }
say "cold misses: API ${COLD_API[*]} ms, page ${COLD_PAGE[*]} ms"

# What a page transfers with gzip: its HTML and the same-origin styles, scripts and images it links.
page_weight() {
  local path=$1 html total=0 size
  html=$(curl -s -H 'Accept-Encoding: gzip' --compressed "$BASE$path")
  total=$(curl -s -o /dev/null -w '%{size_download}' -H 'Accept-Encoding: gzip' "$BASE$path")
  local html_size=$total
  while read -r asset; do
    [ -n "$asset" ] || continue
    case "$asset" in http*|//*|data:*) continue ;; esac
    size=$(curl -s -o /dev/null -w '%{size_download}' -H 'Accept-Encoding: gzip' "$BASE${asset//&amp;/&}")
    total=$((total + size))
  done < <(grep -oE '(href|src)="[^"]+\.(css|js|svg|png|webp|ico|woff2)(\?[^"]*)?"' <<<"$html" | sed -E 's/^(href|src)="//; s/"$//' | sort -u)
  echo "$html_size $total"
}
read -r CAT_HTML CAT_TOTAL < <(page_weight "$CATALOGUE_PAGE")
CAT_CODE=$(status_of "$CATALOGUE_PAGE")
read -r HOME_HTML HOME_TOTAL < <(page_weight "/")
MAP_CODE=$(status_of "/map")
if [ "$MAP_CODE" = 200 ]; then read -r MAP_HTML MAP_TOTAL < <(page_weight "/map"); fi

verdict() { case "$1" in 1) echo "met" ;; 0) echo "**not met**" ;; *) echo "–" ;; esac; }
row() {
  local name=$1 line=${RESULT[$1]} target=$2 ok=$3
  if [[ $line == RESULT* ]]; then
    printf '| %s | %s | %s | %s | %s | %s / %s | %s | %s | %s |\n' "$name" "$(field "$line" rps)" "$(field "$line" p50_ms)" \
      "$(field "$line" p95_ms)" "$(field "$line" p99_ms)" "$(field "$line" non2xx)" "$(field "$line" errors)" \
      "${LOADAVG[$name]:-–}" "$target" "$(verdict "$ok")"
  else
    printf '| %s | – | – | – | – | – | – | %s | %s |\n' "$name" "$target" "$line"
  fi
}
check() { [[ ${RESULT[$1]} == RESULT* ]] && awk -v v="$(field "${RESULT[$1]}" "$2")" -v t="$4" "BEGIN{exit !(v $3 t)}" && echo 1 || echo 0; }
search_ok() { [ "$(check "$1" rps '>=' 1000)" = 1 ] && [ "$(check "$1" p99_ms '<' 50)" = 1 ] && echo 1 || echo 0; }

RESULTS_FILE="$OUT/last-results.md"
{
  echo "Measured $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)),"
  echo "$(free -g | awk '/^Mem:/{print $2}') GiB memory, Linux $(uname -r), Java $(java_major "$JAVA_HOME"), load average before the runs: $LOAD_BEFORE."
  echo "Application and wrk share the machine. Data: \`$PER_SITE\` activities per site, two sites."
  echo
  if [ -f "$LOAD_RECORD" ]; then
    cat "$LOAD_RECORD"
  fi
  if [ "$FIRST_LOAD" = no ]; then
    echo
    echo "This run reused that data directory (start to ready: ${READY_SECONDS} s); \`BENCH_FRESH=1\` measures the load again."
  fi
  echo
  echo "| what | requests/s | p50 ms | p95 ms | p99 ms | non-2xx / socket errors | load average before (1, 5, 15 min) | target | result |"
  echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"
  row search-api "≥ 1,000/s, p99 < 50 ms" "$(search_ok search-api)"
  row search-page "≥ 1,000/s, p99 < 50 ms" "$(search_ok search-page)"
  row clusters "p95 < 20 ms" "$(check clusters p95_ms '<' 20)"
  row home "–" -
  row search-api-popular "–" -
  row search-page-popular "–" -
  echo
  echo "A search nobody asked before (\`q=kompiuteris\` with an age no scenario uses, one request at a time, load average before: $COLD_LOAD):"
  echo
  echo "- search API: ${COLD_API[*]} ms (median $(median "${COLD_API[@]}") ms)"
  echo "- search page: ${COLD_PAGE[*]} ms (median $(median "${COLD_PAGE[@]}") ms)"
  echo
  echo "Transferred with gzip (HTML + same-origin CSS, JS and images, no map tiles):"
  echo
  if [ "$CAT_CODE" = 200 ]; then
    echo "- catalogue page \`$CATALOGUE_PAGE\`: $((CAT_TOTAL / 1024)) KB ($CAT_TOTAL bytes, of which HTML $CAT_HTML) — target ≤ 60 KB: $(verdict "$([ "$CAT_TOTAL" -le 61440 ] && echo 1 || echo 0)")"
  else
    echo "- catalogue page \`$CATALOGUE_PAGE\`: not measured, it answers $CAT_CODE in this build"
  fi
  echo "- home page \`/\`: $((HOME_TOTAL / 1024)) KB ($HOME_TOTAL bytes, of which HTML $HOME_HTML)"
  if [ "$MAP_CODE" = 200 ]; then
    echo "- map page \`/map\`: $((MAP_TOTAL / 1024)) KB ($MAP_TOTAL bytes, of which HTML $MAP_HTML)"
  fi
  echo
  echo "Commands:"
  echo
  echo '```sh'
  echo "BENCH_ACTIVITIES_PER_SITE=$PER_SITE BENCH_DURATION=$DURATION BENCH_THREADS=$THREADS BENCH_CONNECTIONS=$CONNECTIONS bench/run.sh"
  echo "# which starts"
  echo "java -jar $JAR ${APP_ARGS[*]}"
  echo "# and runs, after a warm-up pass over each scenario's distinct paths, two at a time with curl:"
  for entry in "${SCENARIOS[@]}"; do
    scenario=${entry%%|*}
    if [ -n "${PASS[$scenario]:-}" ]; then echo "#   $scenario: ${PASS[$scenario]}"; fi
  done
  echo "# and a $WARMUP wrk warm-up with 8 connections each"
  for entry in "${SCENARIOS[@]}"; do
    scenario=${entry%%|*}
    if [ -n "${COMMAND[$scenario]:-}" ]; then echo "${COMMAND[$scenario]}"; fi
  done
  echo "curl -s -o /dev/null -w '%{size_download}' -H 'Accept-Encoding: gzip' '$BASE$CATALOGUE_PAGE'"
  echo '```'
} >"$RESULTS_FILE"

# Replace the README's "Last results" section with this run's.
awk -v file="$RESULTS_FILE" '
  /<!-- results:start -->/ { print; while ((getline line < file) > 0) print line; skip = 1; next }
  /<!-- results:end -->/ { skip = 0 }
  !skip { print }
' bench/README.md >bench/README.md.tmp && mv bench/README.md.tmp bench/README.md
cat "$RESULTS_FILE"
