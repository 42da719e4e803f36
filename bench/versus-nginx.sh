#!/usr/bin/env bash
# Learning Map beside nginx on the same machine. For each measured URL (home page, search page, an
# activity page, the search API in English, Lithuanian and Ukrainian, the map clusters and one more API
# answer) the script fetches the application's exact response once, writes those bytes as a static file
# that nginx serves with the same Content-Type (and Content-Encoding), and runs the same wrk command first
# against the application and then against nginx. The ratio of the two request rates says how close
# the application comes to what this machine can serve at all. Every request goes to 127.0.0.1 only.
#
#   bench/versus-nginx.sh            # prints the table and writes bench/results/versus-nginx.txt
#   bench/versus-nginx.sh --check    # the same, and exits 1 if a search API row is below 40 % of nginx
#
# See "Ours beside nginx" in bench/README.md for the settings.
set -euo pipefail
cd "$(dirname "$0")/.."

CHECK=0
for arg in "$@"; do
  case "$arg" in
    --check) CHECK=1 ;;
    *) echo "usage: $0 [--check]" >&2; exit 2 ;;
  esac
done

PER_SITE=${BENCH_ACTIVITIES_PER_SITE:-50000}
PORT=${BENCH_PORT:-19100}
NGINX_PORT=${BENCH_NGINX_PORT:-19101}
DB_PORT=${BENCH_DB_PORT:-19102}
DURATION=${BENCH_DURATION:-15s}
WARMUP=${BENCH_WARMUP:-5s}
JIT_WARMUP=${BENCH_JIT_WARMUP:-10s}
THREADS=${BENCH_THREADS:-2}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
TARGET=${BENCH_TARGET_PERCENT:-40}
READY_TIMEOUT=${BENCH_READY_TIMEOUT:-1800}
DATA=bench/data/versus-nginx
STATIC=bench/data/versus-nginx-static
OUT=bench/results
BASE=http://127.0.0.1:$PORT
NGINX=http://127.0.0.1:$NGINX_PORT
ENCODING="Accept-Encoding: gzip"
LANGUAGE="Accept-Language: lt"
mkdir -p "$OUT"

say() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

# nginx and wrk from Debian's packages.
missing=()
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx)
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
NGINX_BIN=$(command -v nginx || echo /usr/sbin/nginx)

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

# The jar: built when missing or when BENCH_BUILD=1; BENCH_SKIP_BUILD=1 never builds.
JAR=$(ls target/learning-map-*.jar 2>/dev/null | grep -v '\.original$' | head -1 || true)
if [ "${BENCH_SKIP_BUILD:-0}" != 1 ] && { [ -z "$JAR" ] || [ "${BENCH_BUILD:-0}" = 1 ]; }; then
  say "building the application jar"
  ./mvnw -B -q package -DskipTests
  JAR=$(ls target/learning-map-*.jar | grep -v '\.original$' | head -1)
fi
[ -n "$JAR" ] || { echo "no jar in target/; run without BENCH_SKIP_BUILD=1" >&2; exit 1; }

if [ "${BENCH_FRESH:-0}" = 1 ]; then
  rm -rf "$DATA"
fi
FIRST_LOAD=no
[ -d "$DATA" ] || FIRST_LOAD=yes

for url in "$BASE/" "$NGINX/"; do
  if curl -s -o /dev/null --max-time 2 "$url"; then
    echo "something already answers on $url; stop it or choose another BENCH_PORT / BENCH_NGINX_PORT" >&2
    exit 1
  fi
done

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
APP_ARGS=(--server.address=127.0.0.1 --server.port="$PORT"
  --learningmap.embedded-database.data-directory="$DATA"
  --learningmap.embedded-database.port="$DB_PORT"
  --learningmap.demo-data.activities-per-site="$PER_SITE"
  --learningmap.mail.dev-catcher=false)
# BENCH_JVM_OPTS: extra JVM options for the application, e.g. a flight recording.
read -r -a JVM_OPTS <<<"${BENCH_JVM_OPTS:-}"
say "starting the application on $BASE with data in $DATA (first load: $FIRST_LOAD)"
STARTED=$(date +%s)
"$JAVA_HOME/bin/java" "${JVM_OPTS[@]}" -jar "$JAR" "${APP_ARGS[@]}" >"$OUT/versus-nginx-app.log" 2>&1 &
APP_PID=$!
NGINX_PID=""
stop_all() {
  if [ -n "$NGINX_PID" ] && kill -0 "$NGINX_PID" 2>/dev/null; then
    kill -QUIT "$NGINX_PID"; wait "$NGINX_PID" 2>/dev/null || true
  fi
  if kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
  fi
}
trap stop_all EXIT

# Ready means the demo loader has finished: the readiness probe only turns UP after it.
until curl -sf -o /dev/null "$BASE/actuator/health/readiness"; do
  kill -0 "$APP_PID" 2>/dev/null || { tail -50 "$OUT/versus-nginx-app.log" >&2; echo "the application stopped" >&2; exit 1; }
  [ $(( $(date +%s) - STARTED )) -lt "$READY_TIMEOUT" ] || { echo "not ready after ${READY_TIMEOUT}s" >&2; exit 1; }
  sleep 2
done
READY_SECONDS=$(( $(date +%s) - STARTED ))
say "ready after ${READY_SECONDS}s"

# An activity of the Lithuanian site, for its page and its API answer.
ACTIVITY=$(curl -s "$BASE/api/v1/activities?q=kompiuteris" | grep -o '"id" *: *[0-9]*' | head -1 | grep -o '[0-9]*$' || true)
[ -n "$ACTIVITY" ] || { echo "no activity found for q=kompiuteris" >&2; exit 1; }

# name|path — the path is asked of the application; nginx serves its bytes at /<name>.
URLS=(
  "home|/"
  "search-page|/search?q=kompiuteris"
  "activity-page|/activities/$ACTIVITY"
  "search-api-en|/api/v1/activities?q=smartphone"
  "search-api-lt|/api/v1/activities?q=kompiuteris"
  "search-api-uk|/ukraina/api/v1/activities?q=%D1%81%D0%BC%D0%B0%D1%80%D1%82%D1%84%D0%BE%D0%BD"
  "clusters-api|/api/v1/map/clusters?bbox=20.9,53.9,26.9,56.5&zoom=7"
  "activity-api|/api/v1/activities/$ACTIVITY"
)

# Fetch each answer once, as a client sending the same headers as wrk gets it, and write its bytes.
rm -rf "$STATIC"
mkdir -p "$STATIC/root" "$STATIC/tmp"
LOCATIONS=""
for entry in "${URLS[@]}"; do
  name=${entry%%|*}; path=${entry#*|}
  headers="$STATIC/$name.headers"
  code=$(curl -s -D "$headers" -o "$STATIC/root/$name.body" -w '%{http_code}' -H "$ENCODING" -H "$LANGUAGE" "$BASE$path")
  [ "$code" = 200 ] || { echo "GET $path answered $code" >&2; exit 1; }
  type=$(sed -n 's/^[Cc]ontent-[Tt]ype: *//p' "$headers" | tr -d '\r' | head -1)
  coding=$(sed -n 's/^[Cc]ontent-[Ee]ncoding: *//p' "$headers" | tr -d '\r' | head -1)
  if [ "$coding" = gzip ]; then
    # nginx's gzip_static sends name.gz, byte for byte, to a client that accepts gzip.
    mv "$STATIC/root/$name.body" "$STATIC/root/$name.gz"
    gzip -dc "$STATIC/root/$name.gz" >"$STATIC/root/$name"
  else
    mv "$STATIC/root/$name.body" "$STATIC/root/$name"
  fi
  LOCATIONS+="    location = /$name { default_type \"$type\"; }
"
done

cat >"$STATIC/nginx.conf" <<EOF
$( [ "$(id -u)" -eq 0 ] && echo "user root;" )
worker_processes auto;
daemon off;
pid $PWD/$STATIC/nginx.pid;
error_log $PWD/$STATIC/error.log warn;
events { worker_connections 1024; }
http {
    types { }
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 1000000;
    gzip off;
    gzip_static on;
    client_body_temp_path $PWD/$STATIC/tmp/body;
    proxy_temp_path $PWD/$STATIC/tmp/proxy;
    fastcgi_temp_path $PWD/$STATIC/tmp/fastcgi;
    uwsgi_temp_path $PWD/$STATIC/tmp/uwsgi;
    scgi_temp_path $PWD/$STATIC/tmp/scgi;
    server {
        listen 127.0.0.1:$NGINX_PORT;
        root $PWD/$STATIC/root;
$LOCATIONS    }
}
EOF
"$NGINX_BIN" -t -c "$PWD/$STATIC/nginx.conf" -p "$PWD/$STATIC" 2>"$STATIC/nginx-test.log" \
  || { cat "$STATIC/nginx-test.log" >&2; exit 1; }
"$NGINX_BIN" -c "$PWD/$STATIC/nginx.conf" -p "$PWD/$STATIC" &
NGINX_PID=$!
for _ in $(seq 50); do curl -s -o /dev/null "$NGINX/home" && break; sleep 0.1; done

# Both sides must send the same bytes for the same request.
for entry in "${URLS[@]}"; do
  name=${entry%%|*}
  theirs=$(curl -s -H "$ENCODING" -H "$LANGUAGE" "$NGINX/$name" | sha256sum | cut -c1-16)
  file="$STATIC/root/$name"; [ -f "$file.gz" ] && file="$file.gz"
  ours=$(sha256sum <"$file" | cut -c1-16)
  [ "$theirs" = "$ours" ] || { echo "nginx does not serve the bytes of $name" >&2; exit 1; }
done

# wrk's latency figures in milliseconds.
to_ms() { awk '{ v=$1; if (v ~ /us$/) { sub(/us$/,"",v); v/=1000 } else if (v ~ /ms$/) { sub(/ms$/,"",v) } else if (v ~ /s$/) { sub(/s$/,"",v); v*=1000 } printf "%.2f", v }'; }
measure() { # url, raw output file → "rps p50 p99 non2xx"
  local url=$1 raw=$2
  wrk -t"$THREADS" -c8 -d"$WARMUP" -H "$ENCODING" -H "$LANGUAGE" "$url" >/dev/null
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -H "$ENCODING" -H "$LANGUAGE" "$url" >"$raw"
  local rps p50 p99 bad
  rps=$(sed -n 's/^Requests\/sec: *//p' "$raw")
  p50=$(awk '$1=="50%"{print $2}' "$raw" | to_ms)
  p99=$(awk '$1=="99%"{print $2}' "$raw" | to_ms)
  bad=$(sed -n 's/^ *Non-2xx or 3xx responses: *//p' "$raw"); bad=${bad:-0}
  echo "$rps $p50 $p99 $bad"
}

# The JIT compiles the application's paths while it runs: before anything is measured, every URL is
# asked for BENCH_JIT_WARMUP (8 connections), so the first measured row does not pay for the warm-up of
# the paths all rows share. nginx needs none.
for entry in "${URLS[@]}"; do
  name=${entry%%|*}; path=${entry#*|}
  [[ $name =~ ${BENCH_ONLY:-.} ]] || continue
  wrk -t"$THREADS" -c8 -d"$JIT_WARMUP" -H "$ENCODING" -H "$LANGUAGE" "$BASE$path" >/dev/null
done
say "JIT warm-up done ($JIT_WARMUP per URL)"

ROWS=()
FAILED=()
SEARCH_ROWS=0
for entry in "${URLS[@]}"; do
  name=${entry%%|*}; path=${entry#*|}
  # BENCH_ONLY: measure only the URLs whose name matches this pattern (e.g. search-api).
  [[ $name =~ ${BENCH_ONLY:-.} ]] || continue
  say "$name: $path — the application, then nginx (warm-up $WARMUP, then $DURATION each)"
  read -r ours_rps ours_p50 ours_p99 ours_bad < <(measure "$BASE$path" "$OUT/versus-nginx-$name-ours.txt")
  read -r their_rps their_p50 their_p99 their_bad < <(measure "$NGINX/$name" "$OUT/versus-nginx-$name-nginx.txt")
  ratio=$(awk -v a="$ours_rps" -v b="$their_rps" 'BEGIN{ printf "%.1f", (b > 0 ? 100 * a / b : 0) }')
  note=""
  [ "$ours_bad" = 0 ] && [ "$their_bad" = 0 ] || note=" (non-2xx: ours $ours_bad, nginx $their_bad)"
  ROWS+=("| \`$path\` | $(printf '%.0f' "$ours_rps") | $ours_p50 / $ours_p99 | $(printf '%.0f' "$their_rps") | $their_p50 / $their_p99 | $ratio %$note |")
  say "$name: ours $ours_rps/s, nginx $their_rps/s, $ratio %"
  [[ $name == search-api* ]] && SEARCH_ROWS=$((SEARCH_ROWS + 1))
  if [[ $name == search-api* ]] && ! awk -v r="$ratio" -v t="$TARGET" 'BEGIN{exit !(r >= t)}'; then
    FAILED+=("$name $ratio %")
  fi
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

RESULTS="$OUT/versus-nginx.txt"
{
  echo "Measured $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)),"
  echo "Linux $(uname -r), Java $(java_major "$JAVA_HOME"), $("$NGINX_BIN" -v 2>&1 | sed 's/.*: //'), $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2)."
  echo "Load average (1, 5, 15 min) before: $LOAD_BEFORE; after: $LOAD_AFTER."
  echo "Data: $PER_SITE activities per site, two sites. Each side: wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency"
  echo "-H '$ENCODING' -H '$LANGUAGE', after a $WARMUP warm-up with 8 connections (and for the application a first"
  echo "$JIT_WARMUP JIT warm-up of every URL); nginx serves the application's bytes."
  echo
  echo "| URL | ours req/s | ours p50 / p99 ms | nginx req/s | nginx p50 / p99 ms | ours / nginx |"
  echo "| --- | --- | --- | --- | --- | --- |"
  printf '%s\n' "${ROWS[@]}"
  echo
  if [ "$SEARCH_ROWS" = 0 ]; then
    echo "Search API not measured in this run (BENCH_ONLY=${BENCH_ONLY:-})."
  elif [ ${#FAILED[@]} -eq 0 ]; then
    echo "Search API at or above $TARGET % of nginx on every query: met."
  else
    echo "Search API below $TARGET % of nginx: ${FAILED[*]} (**not met**)."
  fi
} | tee "$RESULTS"

if [ "$CHECK" = 1 ] && { [ ${#FAILED[@]} -gt 0 ] || [ "$SEARCH_ROWS" = 0 ]; }; then
  exit 1
fi
