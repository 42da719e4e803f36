#!/usr/bin/env bash
# Open Badges 3.0 Data Integrity (eddsa-rdfc-2022) signing and verification throughput: ours
# (titanium-json-ld + titanium-rdfc + the JDK's Ed25519, src/test/.../Ob3SigningBench.java) against
# Digital Bazaar's libraries from the ob-verify harness's node_modules (bench/ob3-signing.mjs), on the
# same credential, one thread each, on this machine. Both sides verify the other's proof first.
# Prints the figures and appends them, with the machine's load, to bench/README.md. Nothing leaves the machine.
set -euo pipefail
cd "$(dirname "$0")/.."

SECONDS_EACH=${BENCH_SECONDS:-10}
HARNESS=${LEARNINGMAP_OB_VERIFY:-../shared/harness/ob-verify}
[ -d "$HARNESS" ] || HARNESS=../../shared/harness/ob-verify
OUT=bench/results/ob3
mkdir -p "$OUT"
HARNESS=$(cd "$HARNESS" && pwd)
[ -d "$HARNESS/node_modules/@digitalbazaar/vc" ] || { echo "run npm ci in $HARNESS first" >&2; exit 1; }
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export JAVA_HOME

./mvnw -B -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
"$JAVA_HOME/bin/java" -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" \
  org.learningmap.recognition.credentials.Ob3SigningBench "$OUT" "$SECONDS_EACH" | tee "$OUT/java.txt"

# ES modules resolve packages next to the script: run a copy beside a link to the harness's node_modules.
RUN=$(mktemp -d)
trap 'rm -rf "$RUN"' EXIT
ln -s "$HARNESS/node_modules" "$RUN/node_modules"
cp bench/ob3-signing.mjs "$RUN/"
node "$RUN/ob3-signing.mjs" "$HARNESS" "$OUT" "$SECONDS_EACH" | tee "$OUT/digitalbazaar.txt"
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

# The harness itself accepts our signed copy (key given as a file, status not fetched).
node "$HARNESS/verify.mjs" "$OUT/java-signed.json" --key "$OUT/java-key.json" --no-status --now 2026-12-06T00:00:00Z -q

read -r JS JV < <(sed -n 's/^RESULT java sign=\([0-9.]*\)\/s verify=\([0-9.]*\)\/s.*/\1 \2/p' "$OUT/java.txt")
read -r DS DV < <(sed -n 's/^RESULT digitalbazaar sign=\([0-9.]*\)\/s verify=\([0-9.]*\)\/s.*/\1 \2/p' "$OUT/digitalbazaar.txt")
RATIO_S=$(awk -v a="$JS" -v b="$DS" 'BEGIN{printf "%.1f", a/b}')
RATIO_V=$(awk -v a="$JV" -v b="$DV" 'BEGIN{printf "%.1f", a/b}')
SUMMARY="| $(date -u +%Y-%m-%dT%H:%MZ) | $(nproc) cores, load $LOAD_BEFORE → $LOAD_AFTER | $JS | $DS | ${RATIO_S}× | $JV | $DV | ${RATIO_V}× | $("$JAVA_HOME/bin/java" -version 2>&1 | head -1 | cut -d'"' -f2), node $(node --version) |"
echo "$SUMMARY"
if [ "${BENCH_NO_README:-0}" != 1 ]; then
  echo "$SUMMARY" >> bench/README.md
fi
