#!/usr/bin/env bash
# Concurrent sign-ups: starts the application on 127.0.0.1 with its embedded PostgreSQL in
# bench/data/enrolment (the default demo volume), lets bench/EnrolmentBench.java seed sessions and
# accounts with personal API tokens, send every sign-up at once through POST /api/v1/sessions/{id}/enrolment,
# and check with SQL that no session is overbooked. It also measures the CPU time the application,
# PostgreSQL and the client used per sign-up (from /proc) and the SQL statements per sign-up
# (pg_stat_statements, loaded into the benchmark's embedded database). Prints the figures and keeps them in
# bench/results/enrolment.txt. Every request goes to 127.0.0.1 only. See bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."

SIGNUPS=${BENCH_SIGNUPS:-1000}
SESSIONS=${BENCH_SESSIONS:-100}
PLACES=${BENCH_PLACES:-5}
CONCURRENCY=${BENCH_CONCURRENCY:-1000}
WARMUP=${BENCH_WARMUP_SIGNUPS:-3000}
PORT=${BENCH_PORT:-18766}
DB_PORT=${BENCH_DB_PORT:-18767}
DATA=bench/data/enrolment
OUT=bench/results
BASE=http://127.0.0.1:$PORT
mkdir -p "$OUT/lib"
say() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
[ -x "$JAVA_HOME/bin/java" ] || { echo "set JAVA_HOME to a JDK 21 or newer" >&2; exit 1; }
export JAVA_HOME

if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
  say "building the application jar"
  ./mvnw -B -q package -DskipTests
fi
JAR=$(ls target/learning-map-*.jar | grep -v '\.original$' | head -1)
# The PostgreSQL driver the benchmark client uses, taken from the application jar itself.
(cd "$OUT/lib" && "$JAVA_HOME/bin/jar" xf "../../../$JAR" $("$JAVA_HOME/bin/jar" tf "../../../$JAR" | grep 'BOOT-INF/lib/postgresql-.*\.jar'))
DRIVER=$(ls "$OUT"/lib/BOOT-INF/lib/postgresql-*.jar | head -1)

[ "${BENCH_FRESH:-0}" = 1 ] && rm -rf "$DATA"
if curl -s -o /dev/null --max-time 2 "$BASE/"; then
  echo "something already answers on $BASE; stop it or choose another BENCH_PORT" >&2
  exit 1
fi
say "starting the application on $BASE (database on port $DB_PORT, data in $DATA)"
"$JAVA_HOME/bin/java" ${BENCH_JVM_OPTS:-} -jar "$JAR" --server.address=127.0.0.1 --server.port="$PORT" \
  --learningmap.embedded-database.data-directory="$DATA" --learningmap.embedded-database.port="$DB_PORT" \
  "--learningmap.embedded-database.settings=shared_preload_libraries=pg_stat_statements;pg_stat_statements.track=all${BENCH_DB_SETTINGS:+;$BENCH_DB_SETTINGS}" \
  --learningmap.mail.dev-catcher=false --learningmap.mail.poll-delay=1h >"$OUT/enrolment-app.log" 2>&1 &
APP_PID=$!
stop_app() { kill -0 "$APP_PID" 2>/dev/null && { kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; }; }
trap stop_app EXIT
STARTED=$(date +%s)
until curl -sf -o /dev/null "$BASE/actuator/health/readiness"; do
  kill -0 "$APP_PID" 2>/dev/null || { tail -50 "$OUT/enrolment-app.log" >&2; echo "the application stopped" >&2; exit 1; }
  [ $(( $(date +%s) - STARTED )) -lt 900 ] || { echo "not ready after 900 s" >&2; exit 1; }
  sleep 2
done

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
say "sending $SIGNUPS sign-ups over $SESSIONS sessions of $PLACES places (after $WARMUP warm-up sign-ups); load average $LOAD_BEFORE"
"$JAVA_HOME/bin/java" -cp "$DRIVER" bench/EnrolmentBench.java "$BASE/lietuva" \
  "jdbc:postgresql://127.0.0.1:$DB_PORT/postgres?user=postgres" "$SIGNUPS" "$SESSIONS" "$PLACES" "$CONCURRENCY" "$WARMUP" \
  "$APP_PID" "$DATA" "$(getconf CLK_TCK)" | tee "$OUT/enrolment.txt"
{ echo "machine: $(nproc) cores ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)), load average before: $LOAD_BEFORE, after: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "date: $(date -u +%Y-%m-%dT%H:%MZ)"; } | tee -a "$OUT/enrolment.txt"
