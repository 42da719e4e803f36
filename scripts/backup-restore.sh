#!/usr/bin/env bash
# Backs up the PostgreSQL of a running Learning Map and restores the backup into a fresh database,
# then compares the row counts of every table, so a backup is known to restore before it is needed.
#
#   scripts/backup-restore.sh [DATA_DIRECTORY] [BACKUP_DIRECTORY]
#
# DATA_DIRECTORY is the embedded database's (learningmap.embedded-database.data-directory, default
# ./data/postgres); the server's port is read from its postmaster.pid. For a PostgreSQL of your own set
# PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE instead and pass "-" as DATA_DIRECTORY.
#
# With a pg_dump at least as new as the server (PG_BIN, or /usr/lib/postgresql/<major>/bin), the backup
# is a logical one: pg_dump -Fc, restored with pg_restore into a new database on the same server.
# Without one (pg_dump refuses a newer server; the embedded server is PostgreSQL 18), it is a physical
# base backup taken with pg_backup_start/pg_backup_stop through psql, restored by starting the server's own
# binaries on a copy in a fresh data directory, on a free port, and stopped again after the comparison.
set -euo pipefail

DATA_DIR=${1:-./data/postgres}
BACKUP_DIR=${2:-./data/backups/$(date -u +%Y%m%dT%H%M%SZ)}
mkdir -p "$BACKUP_DIR"
BACKUP_DIR=$(cd "$BACKUP_DIR" && pwd)

if [ "$DATA_DIR" != "-" ]; then
    DATA_DIR=$(cd "$DATA_DIR" && pwd)
    [ -f "$DATA_DIR/postmaster.pid" ] || { echo "no running PostgreSQL in $DATA_DIR (no postmaster.pid)" >&2; exit 2; }
    export PGHOST=localhost PGPORT=$(sed -n 4p "$DATA_DIR/postmaster.pid") PGUSER=${PGUSER:-postgres} PGDATABASE=${PGDATABASE:-postgres}
fi
export PGOPTIONS='--client-min-messages=warning'

psql_q() { psql -X -q -v ON_ERROR_STOP=1 -At "$@" 2>/dev/null; }

# Rows per table of the application's schema, one "table count" a line.
counts() {
    psql_q -d "$1" -c "SELECT format('SELECT %L || '' '' || count(*) FROM %I.%I', table_name, table_schema, table_name)
                         FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
                         ORDER BY table_name" | while read -r query; do psql_q -d "$1" -c "$query"; done
}

SERVER_MAJOR=$(( $(psql_q -c "SHOW server_version_num") / 10000 ))
echo "PostgreSQL $SERVER_MAJOR on port ${PGPORT:-5432}, database ${PGDATABASE}; backup in $BACKUP_DIR"
counts "$PGDATABASE" > "$BACKUP_DIR/counts-before.txt"

PG_DUMP=""
for dir in ${PG_BIN:-} /usr/lib/postgresql/*/bin; do
    if [ -x "$dir/pg_dump" ] && [ -x "$dir/pg_restore" ]; then
        major=$("$dir/pg_dump" --version | sed -E 's/.* ([0-9]+)[.].*/\1/')
        if [ "$major" -ge "$SERVER_MAJOR" ]; then PG_DUMP="$dir"; fi
    fi
done

if [ -n "$PG_DUMP" ]; then
    echo "Logical backup with $PG_DUMP/pg_dump"
    "$PG_DUMP/pg_dump" -Fc -f "$BACKUP_DIR/learningmap.dump"
    RESTORED_DB="learningmap_restore_check"
    psql_q -c "DROP DATABASE IF EXISTS $RESTORED_DB"
    psql_q -c "CREATE DATABASE $RESTORED_DB"
    "$PG_DUMP/pg_restore" --no-owner --exit-on-error -d "$RESTORED_DB" "$BACKUP_DIR/learningmap.dump"
    counts "$RESTORED_DB" > "$BACKUP_DIR/counts-restored.txt"
    psql_q -c "DROP DATABASE $RESTORED_DB"
else
    [ "$DATA_DIR" != "-" ] || { echo "no pg_dump for PostgreSQL $SERVER_MAJOR: set PG_BIN" >&2; exit 2; }
    SERVER_BIN=$(dirname "$(readlink -f "/proc/$(sed -n 1p "$DATA_DIR/postmaster.pid")/exe")")
    echo "No pg_dump for PostgreSQL $SERVER_MAJOR here: physical base backup, restored with $SERVER_BIN"
    # tar exits with 1 when a file changed while it was read: expected during a base backup, and
    # repaired by replaying the WAL written between pg_backup_start and pg_backup_stop.
    psql -X -q -v ON_ERROR_STOP=1 -At >/dev/null <<SQL
SELECT pg_backup_start('learningmap $(date -u +%FT%TZ)', true);
\! tar -C "$DATA_DIR" --warning=no-file-changed --warning=no-file-removed --exclude=./pg_wal --exclude=./postmaster.pid --exclude=./postmaster.opts -cf "$BACKUP_DIR/base.tar" . || [ \$? -eq 1 ]
SELECT labelfile FROM pg_backup_stop(false) \g '$BACKUP_DIR/backup_label'
SQL
    tar -C "$DATA_DIR" --warning=no-file-changed -cf "$BACKUP_DIR/wal.tar" pg_wal || [ $? -eq 1 ]
    echo "Backup: $(du -sh "$BACKUP_DIR" | cut -f1)"

    RESTORED="$BACKUP_DIR/restored"
    rm -rf "$RESTORED" && mkdir -m 700 "$RESTORED"
    tar -C "$RESTORED" -xf "$BACKUP_DIR/base.tar"
    tar -C "$RESTORED" -xf "$BACKUP_DIR/wal.tar"
    cp "$BACKUP_DIR/backup_label" "$RESTORED/backup_label"
    PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    # The server binary itself, as the embedded database starts it: PostgreSQL refuses to run as root,
    # so as root it runs in a user namespace of its own (unshare -U), where it is not root.
    RUN=()
    if [ "$(id -u)" = "0" ]; then RUN=(unshare -U); fi
    "${RUN[@]}" "$SERVER_BIN/postgres" -D "$RESTORED" -p "$PORT" -c listen_addresses=localhost \
        -c unix_socket_directories="$RESTORED" > "$BACKUP_DIR/restored.log" 2>&1 &
    RESTORED_PID=$!
    trap 'kill -INT $RESTORED_PID 2>/dev/null; wait $RESTORED_PID 2>/dev/null || true' EXIT
    for _ in $(seq 1 120); do
        PGPORT=$PORT psql_q -c "SELECT 1" >/dev/null && [ "$(PGPORT=$PORT psql_q -c "SELECT pg_is_in_recovery()")" = "f" ] && break
        kill -0 $RESTORED_PID 2>/dev/null || { echo "FAILED: the restored server did not start:" >&2; tail -20 "$BACKUP_DIR/restored.log" >&2; exit 1; }
        sleep 1
    done
    grep -h "redo done\|consistent recovery state\|ready to accept" "$BACKUP_DIR/restored.log" | sed 's/^/  restored server: /' || true
    PGPORT=$PORT counts "$PGDATABASE" > "$BACKUP_DIR/counts-restored.txt"
fi

# Rows written between the count and the backup (sign-ups, outbox) may differ; the tables must not.
TABLES=$(wc -l < "$BACKUP_DIR/counts-before.txt")
if ! diff <(cut -d' ' -f1 "$BACKUP_DIR/counts-before.txt") <(cut -d' ' -f1 "$BACKUP_DIR/counts-restored.txt") >/dev/null; then
    echo "FAILED: the restored database has other tables" >&2; exit 1
fi
CHANGED=$(diff "$BACKUP_DIR/counts-before.txt" "$BACKUP_DIR/counts-restored.txt" | grep -c '^>' || true)
ROWS=$(awk '{s += $2} END {print s}' "$BACKUP_DIR/counts-restored.txt")
echo "Restored: $TABLES tables, $ROWS rows; $CHANGED table(s) with other counts than before the backup"
[ "$ROWS" -gt 0 ] || { echo "FAILED: the restored database is empty" >&2; exit 1; }
echo "OK"
