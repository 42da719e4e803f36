#!/usr/bin/env bash
# A CSV bulk award of 10,000 rows: starts the application on 127.0.0.1 with its embedded PostgreSQL in
# bench/data/bulk-award (the default demo volume), lets bench/BulkAwardBench.java make a badge of the
# demo library, sign in as the demo educator, upload the file through the staff page and wait for the
# background job to finish, then check every row with SQL. Prints the figures and keeps them in
# bench/results/bulk-award.txt. Every request goes to 127.0.0.1 only. See bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."

ROWS=${BENCH_ROWS:-10000}
PORT=${BENCH_PORT:-18768}
DB_PORT=${BENCH_DB_PORT:-18769}
DATA=bench/data/bulk-award
OUT=bench/results
BASE=http://127.0.0.1:$PORT
mkdir -p "$OUT/lib"
say() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
[ -x "$JAVA_HOME/bin/java" ] || { echo "set JAVA_HOME to a JDK 21 or newer" >&2; exit 1; }
export JAVA_HOME

if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
  say "building the application jar"
  ./mvnw -B -q -o package -DskipTests
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
  --learningmap.mail.dev-catcher=false --learningmap.mail.poll-delay=1h >"$OUT/bulk-award-app.log" 2>&1 &
APP_PID=$!
stop_app() { kill -0 "$APP_PID" 2>/dev/null && { kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; }; }
trap stop_app EXIT
STARTED=$(date +%s)
until curl -sf -o /dev/null "$BASE/actuator/health/readiness"; do
  kill -0 "$APP_PID" 2>/dev/null || { tail -50 "$OUT/bulk-award-app.log" >&2; echo "the application stopped" >&2; exit 1; }
  [ $(( $(date +%s) - STARTED )) -lt 900 ] || { echo "not ready after 900 s" >&2; exit 1; }
  sleep 2
done

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
say "uploading $ROWS rows; load average $LOAD_BEFORE"
"$JAVA_HOME/bin/java" -cp "$DRIVER" bench/BulkAwardBench.java "$BASE/lietuva" \
  "jdbc:postgresql://127.0.0.1:$DB_PORT/postgres?user=postgres" "$ROWS" | tee "$OUT/bulk-award.txt"
{ echo "machine: $(nproc) cores ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)), load average before: $LOAD_BEFORE, after: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "date: $(date -u +%Y-%m-%dT%H:%MZ)"; } | tee -a "$OUT/bulk-award.txt"
