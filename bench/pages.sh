#!/usr/bin/env bash
# Page weight and Lighthouse scores of the main public pages in English, Lithuanian and Ukrainian.
# Starts the application on 127.0.0.1 with its own embedded PostgreSQL in bench/data/pages (the demo
# catalogue), points the map's tile URL at a local port where nothing answers (tiles are not counted),
# installs Lighthouse from bench/package-lock.json, and runs it in Debian's Chromium (headless, mobile
# form factor, Lighthouse's default simulated throttling: slow 4G, 4x CPU slowdown) over each page.
# Writes bench/results/pages.txt (a table) and bench/results/pages.json, and exits 1 when a page
# transfers more than 60 KB or scores below 95 (performance) or 100 (accessibility), unless
# BENCH_REPORT_ONLY=1. Every request goes to 127.0.0.1 only. See bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${BENCH_PORT:-19200}
DB_PORT=${BENCH_DB_PORT:-19201}
TILE_PORT=${BENCH_TILE_PORT:-19299}
MAX_BYTES=${BENCH_MAX_BYTES:-61440}
MIN_PERFORMANCE=${BENCH_MIN_PERFORMANCE:-95}
MIN_ACCESSIBILITY=${BENCH_MIN_ACCESSIBILITY:-100}
export BENCH_MIN_PERFORMANCE=$MIN_PERFORMANCE BENCH_RUNS=${BENCH_RUNS:-3}
LANGUAGES=${BENCH_LANGUAGES:-en lt uk}
DATA=bench/data/pages
OUT=bench/results
BASE=http://127.0.0.1:$PORT
TILES=http://127.0.0.1:$TILE_PORT/tiles/
mkdir -p "$OUT"
say() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
[ -x "$CHROME_PATH" ] || { echo "Chromium is missing: apt-get install chromium" >&2; exit 1; }
command -v npm >/dev/null 2>&1 || { echo "Node.js 18.16 or newer is missing: apt-get install nodejs npm" >&2; exit 1; }
command -v psql >/dev/null 2>&1 || { SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo; $SUDO apt-get update -qq; DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql-client >/dev/null; }
if [ ! -d bench/node_modules/lighthouse ]; then
  say "installing Lighthouse (bench/package-lock.json)"
  (cd bench && npm ci --no-audit --no-fund --loglevel=error)
fi

JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
[ -x "$JAVA_HOME/bin/java" ] || { echo "set JAVA_HOME to a JDK 21 or newer" >&2; exit 1; }
export JAVA_HOME
if [ "${BENCH_SKIP_BUILD:-0}" != 1 ] || ! ls target/learning-map-*.jar >/dev/null 2>&1; then
  say "building the application jar"
  ./mvnw -B -q package -DskipTests
fi
JAR=$(ls target/learning-map-*.jar | grep -v '\.original$' | head -1)

[ "${BENCH_FRESH:-0}" = 1 ] && rm -rf "$DATA"
if curl -s -o /dev/null --max-time 2 "$BASE/"; then
  echo "something already answers on $BASE; stop it or choose another BENCH_PORT" >&2
  exit 1
fi
say "starting the application on $BASE (database on port $DB_PORT, data in $DATA)"
"$JAVA_HOME/bin/java" ${BENCH_JVM_OPTS:-} -jar "$JAR" --server.address=127.0.0.1 --server.port="$PORT" \
  --learningmap.embedded-database.data-directory="$DATA" --learningmap.embedded-database.port="$DB_PORT" \
  --learningmap.demo-data.enabled=true --learningmap.mail.dev-catcher=false --learningmap.mail.poll-delay=1h \
  --learningmap.map.tile-url="${TILES}{z}/{x}/{y}.png" \
  --spring.flyway.out-of-order=true >"$OUT/pages-app.log" 2>&1 &
APP_PID=$!
stop_app() { kill -0 "$APP_PID" 2>/dev/null && { kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; }; }
trap stop_app EXIT
STARTED=$(date +%s)
until curl -sf -o /dev/null "$BASE/actuator/health/readiness"; do
  kill -0 "$APP_PID" 2>/dev/null || { tail -50 "$OUT/pages-app.log" >&2; echo "the application stopped" >&2; exit 1; }
  [ $(( $(date +%s) - STARTED )) -lt 900 ] || { echo "not ready after 900 s" >&2; exit 1; }
  sleep 2
done

# Pages that need a record: the first of the demo data, and a public portfolio made here if there is none.
PSQL=(psql -X -q -v ON_ERROR_STOP=1 "postgresql://postgres@127.0.0.1:$DB_PORT/postgres")
SITE=$("${PSQL[@]}" -At -c "SELECT id FROM site WHERE slug = 'lietuva'")
ACTIVITY=$("${PSQL[@]}" -At -c "SELECT id FROM activity WHERE site_id = $SITE AND status = 'PUBLISHED' ORDER BY id LIMIT 1")
ORGANISATION=$("${PSQL[@]}" -At -c "SELECT organisation_id FROM activity WHERE id = $ACTIVITY")
VENUE=$("${PSQL[@]}" -At -c "SELECT id FROM venue WHERE organisation_id = $ORGANISATION ORDER BY id LIMIT 1")
BADGE=$("${PSQL[@]}" -At -c "SELECT id FROM badge WHERE site_id = $SITE ORDER BY id LIMIT 1")
if [ -z "$BADGE" ]; then
  "${PSQL[@]}" -c "INSERT INTO badge (site_id, organisation_id, source, name, description, criteria)
    VALUES ($SITE, $ORGANISATION, 'CUSTOM', '{\"en\":\"Digital helper\",\"lt\":\"Skaitmeninis pagalbininkas\",\"uk\":\"Цифровий помічник\"}',
            '{\"en\":\"Helps others online.\",\"lt\":\"Padeda kitiems internete.\",\"uk\":\"Допомагає іншим онлайн.\"}',
            '{\"en\":\"Ten hours of help.\",\"lt\":\"Dešimt valandų pagalbos.\",\"uk\":\"Десять годин допомоги.\"}')"
  BADGE=$("${PSQL[@]}" -At -c "SELECT id FROM badge WHERE site_id = $SITE ORDER BY id LIMIT 1")
fi
"${PSQL[@]}" -c "INSERT INTO portfolio (account_id, site_id, handle, public)
  SELECT id, $SITE, 'bench-learner', true FROM account ORDER BY id LIMIT 1
  ON CONFLICT (account_id) DO UPDATE SET handle = 'bench-learner', public = true"

PAGES=$OUT/pages.tsv
: > "$PAGES"
for lang in $LANGUAGES; do
  while read -r name path; do
    sep='?'; case "$path" in *\?*) sep='&';; esac
    printf '%s\t%s\t%s\n' "$name" "$lang" "$BASE$path${sep}lang=$lang" >> "$PAGES"
  done <<EOF
home /
search /search?q=smartphone
activity /activities/$ACTIVITY
organisation /organisations/$ORGANISATION
venue /venues/$VENUE
map /map
skills-check /skills-check
impact /impact
verify /verify
library /library
playlists /playlists
portfolio /portfolios/bench-learner
badge /badges/$BADGE
sign-in /sign-in
sign-up /sign-up
EOF
done
# Each page once before measuring, so templates and caches are warm, and none answers with an error.
while IFS=$'\t' read -r name lang url; do
  code=$(curl -s -o /dev/null -w '%{http_code}' "$url")
  [ "$code" = 200 ] || { echo "$name ($lang) answered $code: $url" >&2; exit 1; }
done < "$PAGES"

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
say "Lighthouse over $(wc -l < "$PAGES") pages (load average $LOAD_BEFORE)"
node bench/pages.mjs "$PAGES" "$OUT/pages.json" "$TILES"
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

STATUS=0
node - "$OUT/pages.json" "$MAX_BYTES" "$MIN_PERFORMANCE" "$MIN_ACCESSIBILITY" "$LOAD_BEFORE" "$LOAD_AFTER" > "$OUT/pages.txt" <<'JS' || STATUS=$?
const fs = require('node:fs');
const [file, maxBytes, minPerf, minA11y, loadBefore, loadAfter] = process.argv.slice(2);
const results = JSON.parse(fs.readFileSync(file, 'utf8'));
const languages = [...new Set(results.map(r => r.language))];
const names = [...new Set(results.map(r => r.name))];
const cell = r => !r ? '—' : r.error ? 'error'
  : `${(r.bytes / 1024).toFixed(1)} KB · ${r.performance} · ${r.accessibility}`;
const lines = [];
lines.push(`| page | ${languages.join(' | ')} |`);
lines.push(`| --- | ${languages.map(() => '---').join(' | ')} |`);
for (const name of names) {
  lines.push(`| ${name} | ${languages.map(l => cell(results.find(r => r.name === name && r.language === l))).join(' | ')} |`);
}
const failures = results.filter(r => r.error || r.bytes > Number(maxBytes) || r.performance < Number(minPerf)
  || r.accessibility < Number(minA11y));
lines.push('');
lines.push(`Each cell: bytes transferred without map tiles (Lighthouse total-byte-weight) · performance · accessibility.`);
lines.push(`Targets: <= ${(maxBytes / 1024).toFixed(0)} KB, performance >= ${minPerf}, accessibility >= ${minA11y}.`);
for (const r of failures) {
  lines.push(`NOT MET: ${r.name} (${r.language}) ${r.error ? r.error : `${r.bytes} bytes, performance ${r.performance}, accessibility ${r.accessibility}`
    + (r.failedAccessibility?.length ? ` (${r.failedAccessibility.join(', ')})` : '')
    + ` LCP ${r.lcpMs} ms, TBT ${r.tbtMs} ms, CLS ${r.cls}`
    + (r.performanceRuns ? `, performance of each run ${r.performanceRuns.join('/')}` : '')}`);
}
lines.push(`${failures.length === 0 ? 'ALL MET' : `${failures.length} of ${results.length} pages miss a target`}`);
lines.push(`machine: ${require('node:os').cpus().length} cores (${require('node:os').cpus()[0].model}), shared with other builds; `
  + `load average before: ${loadBefore}, after: ${loadAfter}`);
lines.push(`lighthouse ${require(require('node:path').resolve('bench/node_modules/lighthouse/package.json')).version}, ${process.env.CHROME_PATH}, date: ${new Date().toISOString().slice(0, 16)}Z`);
console.log(lines.join('\n'));
process.exitCode = failures.length === 0 ? 0 : 3;
JS
cat "$OUT/pages.txt"
if [ "$STATUS" -ne 0 ] && [ "${BENCH_REPORT_ONLY:-0}" != 1 ]; then
  exit 1
fi
