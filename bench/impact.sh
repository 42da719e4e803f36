#!/usr/bin/env bash
# The public impact dashboard over 10 million attendance records: starts the application on 127.0.0.1
# with its own embedded PostgreSQL in bench/data/impact (the default demo catalogue, not the benchmark's
# 100,000 activities), writes BENCH_FACTS attendance facts (and one session held per ten) straight into
# the impact module's fact table with generate_series, rebuilds the daily and monthly tables from them
# with impact_rebuild(), then measures /impact with wrk (filters rotating over periods, areas, topics,
# audiences and organisations) and, one request at a time, filters nobody asked before (nothing kept).
# Prints the figures and keeps them in bench/results/impact.txt. Every request goes to 127.0.0.1 only.
# See bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."

FACTS=${BENCH_FACTS:-10000000}
PEOPLE=${BENCH_PEOPLE:-800000}
PORT=${BENCH_PORT:-18768}
DB_PORT=${BENCH_DB_PORT:-18769}
DURATION=${BENCH_DURATION:-20s}
THREADS=${BENCH_THREADS:-2}
CONNECTIONS=${BENCH_CONNECTIONS:-16}
DATA=bench/data/impact
OUT=bench/results
BASE=http://127.0.0.1:$PORT
mkdir -p "$OUT"
say() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

command -v wrk >/dev/null 2>&1 || { SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo; $SUDO apt-get update -qq; DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq wrk >/dev/null; }
command -v psql >/dev/null 2>&1 || { SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo; $SUDO apt-get update -qq; DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql-client >/dev/null; }

JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
[ -x "$JAVA_HOME/bin/java" ] || { echo "set JAVA_HOME to a JDK 21 or newer" >&2; exit 1; }
export JAVA_HOME

if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
  say "building the application jar"
  ./mvnw -B -q package -DskipTests
fi
JAR=$(ls target/learning-map-*.jar | grep -v '\.original$' | head -1)

[ "${BENCH_FRESH:-0}" = 1 ] && rm -rf "$DATA"
if curl -s -o /dev/null --max-time 2 "$BASE/"; then
  echo "something already answers on $BASE; stop it or choose another BENCH_PORT" >&2
  exit 1
fi
# out-of-order: a data directory kept from an earlier run may lack migrations of other modules merged since.
say "starting the application on $BASE (database on port $DB_PORT, data in $DATA)"
"$JAVA_HOME/bin/java" ${BENCH_JVM_OPTS:-} -jar "$JAR" --server.address=127.0.0.1 --server.port="$PORT" \
  --learningmap.embedded-database.data-directory="$DATA" --learningmap.embedded-database.port="$DB_PORT" \
  --learningmap.mail.dev-catcher=false --learningmap.mail.poll-delay=1h \
  --spring.flyway.out-of-order=true >"$OUT/impact-app.log" 2>&1 &
APP_PID=$!
stop_app() { kill -0 "$APP_PID" 2>/dev/null && { kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; }; }
trap stop_app EXIT
STARTED=$(date +%s)
until curl -sf -o /dev/null "$BASE/actuator/health/readiness"; do
  kill -0 "$APP_PID" 2>/dev/null || { tail -50 "$OUT/impact-app.log" >&2; echo "the application stopped" >&2; exit 1; }
  [ $(( $(date +%s) - STARTED )) -lt 900 ] || { echo "not ready after 900 s" >&2; exit 1; }
  sleep 2
done

PSQL=(psql -X -q -v ON_ERROR_STOP=1 "postgresql://postgres@127.0.0.1:$DB_PORT/postgres")
SITE=$("${PSQL[@]}" -At -c "SELECT id FROM site WHERE slug = 'lietuva'")
HAVE=$("${PSQL[@]}" -At -c "SELECT count(*) FROM impact_fact WHERE source LIKE 'bench:%' AND kind = 'ATTENDANCE'")
if [ "$HAVE" != "$FACTS" ]; then
  say "writing $FACTS attendance facts for $PEOPLE people (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  GEN_STARTED=$(date +%s)
  "${PSQL[@]}" <<SQL
DELETE FROM impact_fact WHERE source LIKE 'bench:%';
INSERT INTO impact_person (person_key) SELECT decode(md5('bench-person-' || g), 'hex') FROM generate_series(1, $PEOPLE) g
ON CONFLICT DO NOTHING;
INSERT INTO impact_profile (site_id, topic_ids, audiences)
SELECT DISTINCT a.site_id, ARRAY(SELECT t.topic_id FROM activity_topic t WHERE t.activity_id = a.id ORDER BY 1),
       ARRAY(SELECT x FROM unnest(a.audiences) x ORDER BY 1)
  FROM activity a WHERE a.site_id = $SITE
ON CONFLICT DO NOTHING;
CREATE TEMP TABLE bench_cell AS
SELECT row_number() OVER (ORDER BY organisation_id, area_id) - 1 AS n, organisation_id, area_id
  FROM (SELECT DISTINCT organisation_id, coalesce(area_id, 0) AS area_id FROM venue WHERE site_id = $SITE) c;
CREATE TEMP TABLE bench_profile AS SELECT row_number() OVER (ORDER BY id) - 1 AS n, id FROM impact_profile WHERE site_id = $SITE;
CREATE TEMP TABLE bench_person AS SELECT min(id) AS first FROM impact_person WHERE person_key = decode(md5('bench-person-1'), 'hex');
-- A "course" k is ten weekly attendances of one person in one cell; courses start over the last three years.
SET LOCAL work_mem = '256MB';
INSERT INTO impact_fact (site_id, organisation_id, area_id, profile_id, kind, day, person_id, delta, source)
SELECT $SITE, c.organisation_id, c.area_id, p.id, 'ATTENDANCE',
       current_date - ((k * 7919) % 1095)::int + ((g % 10) * 7 - 70)::int,
       (SELECT first FROM bench_person) + (hashint8(k) & 2147483647) % $PEOPLE, 1, 'bench:a'
  FROM generate_series(0::bigint, $FACTS - 1) g
 CROSS JOIN LATERAL (SELECT g / 10 AS k) course
  JOIN bench_cell c ON c.n = (k * 31) % (SELECT count(*) FROM bench_cell)
  JOIN bench_profile p ON p.n = (k * 17) % (SELECT count(*) FROM bench_profile);
INSERT INTO impact_fact (site_id, organisation_id, area_id, profile_id, kind, day, delta, source)
SELECT site_id, organisation_id, area_id, profile_id, 'SESSION_HELD', day, 1, 'bench:s'
  FROM impact_fact WHERE source = 'bench:a' AND id % 10 = 0;
SQL
  GEN_SECONDS=$(( $(date +%s) - GEN_STARTED ))
  say "rebuilding the daily and monthly tables from the facts"
  REBUILD_STARTED=$(date +%s)
  "${PSQL[@]}" -c "SELECT impact_rebuild()" >/dev/null
  REBUILD_SECONDS=$(( $(date +%s) - REBUILD_STARTED ))
  echo "generated in ${GEN_SECONDS} s, rebuilt in ${REBUILD_SECONDS} s ($(date -u +%Y-%m-%dT%H:%MZ), load average $(cut -d' ' -f1-3 /proc/loadavg))" > "$DATA.load.txt"
fi
LOAD_LINE=$(cat "$DATA.load.txt" 2>/dev/null || echo "reused")
ROWS=$("${PSQL[@]}" -At -c "SELECT (SELECT count(*) FROM impact_fact WHERE kind = 'ATTENDANCE'), (SELECT count(*) FROM impact_daily), (SELECT count(*) FROM impact_monthly), (SELECT count(*) FROM impact_learner_month)")

# The paths: the whole site over the last 12 months and other periods, each area, topic, audience and organisation.
PATHS=$OUT/impact-paths.txt
: > "$PATHS"
Y=$(date -u +%Y); M=$(date -u +%m)
for from in "$((Y-1))-$M" "$((Y-2))-$M" "$((Y-3))-$M" "$Y-01" "$((Y-1))-01"; do
  echo "/impact?from=$from&to=$Y-$M" >> "$PATHS"
done
"${PSQL[@]}" -At -c "SELECT id FROM area WHERE site_id = $SITE ORDER BY id" | while read -r a; do echo "/impact/areas/$a" >> "$PATHS"; done
"${PSQL[@]}" -At -c "SELECT id FROM topic WHERE site_id = $SITE ORDER BY id" | while read -r t; do echo "/impact?topic=$t" >> "$PATHS"; done
for a in SENIORS YOUTH ADULTS MIGRANTS; do echo "/impact?audience=$a" >> "$PATHS"; done
"${PSQL[@]}" -At -c "SELECT DISTINCT organisation_id FROM impact_monthly WHERE site_id = $SITE ORDER BY 1 LIMIT 10" | while read -r o; do echo "/impact?organisation=$o" >> "$PATHS"; done
say "$(wc -l < "$PATHS") dashboard paths"

# Filters nobody asked before, one request at a time: each computed from the tables, nothing kept.
COLD=()
for i in $(seq 1 10); do
  from=$(date -u -d "-$((i + 13)) months" +%Y-%m)
  t=$(curl -s -o /dev/null -w '%{time_total}' -H 'Accept-Language: lt' "$BASE/impact?from=$from")
  COLD+=("$(awk -v t="$t" 'BEGIN { printf "%.0f", t * 1000 }')")
done
say "cold dashboards (ms): ${COLD[*]}"

# One pass over the paths, a short wrk warm-up over them (as bench/run.sh does: the JIT compiles the
# page's path, which otherwise lands in the measured run), then the measured wrk.
while read -r p; do curl -s -o /dev/null "$BASE$p"; done < "$PATHS"
BENCH_PATHS="$PATHS" BENCH_SCENARIO=impact wrk -t"$THREADS" -c8 -d"${BENCH_WARMUP:-10s}" -s bench/impact.lua "$BASE" >/dev/null
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
RESULT=$(BENCH_PATHS="$PATHS" BENCH_SCENARIO=impact wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s bench/impact.lua "$BASE" | tee "$OUT/impact-wrk.txt" | grep '^RESULT')
{ echo "facts: $ROWS (attendance facts | impact_daily rows | impact_monthly rows | impact_learner_month rows)"
  echo "data: $LOAD_LINE"
  echo "cold dashboards, one at a time (ms): ${COLD[*]}"
  echo "$RESULT"
  echo "machine: $(nproc) cores ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)), load average before wrk: $LOAD_BEFORE, after: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "date: $(date -u +%Y-%m-%dT%H:%MZ)"; } | tee "$OUT/impact.txt"
