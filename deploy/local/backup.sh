#!/usr/bin/env bash
# Backs up and restores one service database (README.md, "Backup and restore"). Small on purpose: each command is
# one standard tool (pg_dump / pg_restore of Debian's PostgreSQL 15 client, SQLite's VACUUM INTO through Python's
# sqlite3 module) plus the checks that keep it from overwriting anything.
set -euo pipefail
umask 077 # backups hold every row of the service: readable by their owner only

usage() {
  cat <<'EOF'
Usage: deploy/local/backup.sh [--force] COMMAND ARGS...

Commands:
  postgres CONNINFO FILE          pg_dump -Fc of the database CONNINFO into FILE, online (one consistent
                                  snapshot; the service keeps writing)
  sqlite DB_FILE FILE             online backup of the SQLite database DB_FILE into FILE with VACUUM INTO
                                  (one consistent snapshot; the service keeps writing)
  restore-postgres FILE CONNINFO  pg_restore --no-owner --no-privileges --single-transaction --exit-on-error
                                  of FILE (a dump of `postgres`) into CONNINFO, which must be an empty database
  restore-sqlite FILE DB_FILE     copies FILE (a backup of `sqlite`) into place as DB_FILE; stop the service
                                  that uses DB_FILE first

Options:
  --force      replace an existing output FILE (backups) or DB_FILE (restore-sqlite); a replaced DB_FILE and its
               -wal/-shm files are kept as DB_FILE.replaced-YYYYmmddTHHMMSS[-wal|-shm], never deleted
  -h, --help   this help

CONNINFO is a libpq connection string, as a URL (postgresql://registry@db:5432/registry) or as keywords
('host=db port=5432 dbname=registry user=registry'). Keep the password out of it (it would show in the process
list): set PGPASSWORD or use ~/.pgpass (PGPASSFILE). The service's Npgsql string
"Host=db;Port=5432;Database=registry;Username=registry;Password=…" is host=, port=, dbname=, user= here.

Files are created readable by their owner only (umask 077): run the restore as the service's user.
Each file is written under a temporary name next to it and renamed when complete and checked (pg_restore --list,
PRAGMA integrity_check), so a failed run never leaves a partial backup or database under the final name.

Underlying commands (what this script runs):
  pg_dump --format=custom --file=FILE --dbname=CONNINFO
  pg_restore --no-owner --no-privileges --single-transaction --exit-on-error --dbname=CONNINFO FILE
  python3 -c "import sqlite3; sqlite3.connect('DB_FILE').execute(\"VACUUM INTO 'FILE'\")"

Tools: /usr/lib/postgresql/15/bin/{pg_dump,pg_restore,psql} (Debian package postgresql-client-15, part of
postgresql; env PROJECTHUB_PG_BIN to use another directory) and /usr/bin/python3 with its sqlite3 module
(env PROJECTHUB_PYTHON). The sqlite3 command-line tool is not needed.
The backup's start is logged ("backup started at ..."; a dump also records it: pg_restore --list FILE shows
"Archive created at"): everything committed before it is in the backup.
Exit status: 0 done, 1 failed (the reason is on stderr), 2 wrong usage.
EOF
}

PG_BIN="${PROJECTHUB_PG_BIN:-/usr/lib/postgresql/15/bin}"
PYTHON="${PROJECTHUB_PYTHON:-/usr/bin/python3}"
FORCE=0

log() { echo "backup.sh: $*" >&2; }
now() { date -u +%Y-%m-%dT%H:%M:%SZ; }
die() { echo "backup.sh: ERROR: $*" >&2; exit 1; }
usage_error() { echo "backup.sh: $* (see --help)" >&2; exit 2; }

while (($#)); do
  case "$1" in
    -h | --help) usage; exit 0 ;;
    --force) FORCE=1; shift ;;
    --) shift; break ;;
    -*) usage_error "unknown option: $1" ;;
    *) break ;;
  esac
done
COMMAND="${1:-}"
[[ -n "$COMMAND" ]] || { usage >&2; exit 2; }
shift
# --force may also come after the command.
ARGS=()
for arg in "$@"; do
  if [[ "$arg" == "--force" ]]; then FORCE=1; else ARGS+=("$arg"); fi
done

need_args() {
  ((${#ARGS[@]} == 2)) || usage_error "$COMMAND needs exactly two arguments: $1"
}

need_pg() {
  local tool
  for tool in "$@"; do
    [[ -x "$PG_BIN/$tool" ]] \
      || die "$PG_BIN/$tool not found: install the Debian package postgresql-client-15 (or postgresql; ./test.sh does)"
  done
}

need_python() {
  [[ -x "$PYTHON" ]] || die "$PYTHON not found: install the Debian package python3 (it has the sqlite3 module)"
  "$PYTHON" -c 'import sqlite3, sys; sys.exit(0 if sqlite3.sqlite_version_info >= (3, 27, 0) else 1)' 2>/dev/null \
    || die "$PYTHON has no sqlite3 module with SQLite 3.27 or later (VACUUM INTO): install the Debian package python3"
}

# Refuses to replace an existing file unless --force.
check_target() {
  if [[ -e "$1" && "$FORCE" != 1 ]]; then
    die "$1 exists; refusing to overwrite it (pass --force to replace it)"
  fi
  [[ -d "$(dirname -- "$1")" ]] || die "directory $(dirname -- "$1") does not exist"
}

# A temporary name next to $1, removed again if the script fails before renaming it.
TMP=""
cleanup() { if [[ -n "$TMP" ]]; then rm -f -- "$TMP"; fi; }
trap cleanup EXIT
temp_next_to() {
  TMP="$(mktemp "$(dirname -- "$1")/.$(basename -- "$1").partial.XXXXXX")"
}

# The SQLite steps, in Python's sqlite3 module (DB-API; paths as arguments, never spliced into code).
sqlite_py() {
  "$PYTHON" - "$@" <<'PY'
import os, sqlite3, sys, urllib.parse

def connect(path, readonly):
    mode = "ro" if readonly else "rw"  # "rw" never creates a missing database
    uri = "file:" + urllib.parse.quote(os.path.abspath(path)) + "?mode=" + mode
    connection = sqlite3.connect(uri, uri=True, timeout=60, isolation_level=None)
    connection.execute("PRAGMA busy_timeout = 60000")
    return connection

def check(path):
    connection = connect(path, readonly=True)
    try:
        result = [row[0] for row in connection.execute("PRAGMA integrity_check")]
        if result != ["ok"]:
            sys.exit("integrity_check of %s failed: %s" % (path, "; ".join(result[:5])))
        tables = connection.execute("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0]
        if tables == 0:
            sys.exit("%s holds no tables: not a ProjectHub database backup" % path)
    finally:
        connection.close()

step = sys.argv[1]
try:
    if step == "backup":
        source, target = sys.argv[2], sys.argv[3]
        connection = connect(source, readonly=False)
        try:
            # One read transaction: a consistent snapshot; in WAL mode writers go on meanwhile.
            connection.execute("VACUUM INTO ?", (target,))
        finally:
            connection.close()
        check(target)
    elif step == "check":
        check(sys.argv[2])
    elif step == "prepare":
        # The restored copy in WAL mode, as the service's migrate step leaves its files (VACUUM INTO writes a
        # rollback-journal file); closing the only connection checkpoints and removes the -wal again.
        connection = connect(sys.argv[2], readonly=False)
        try:
            connection.execute("PRAGMA journal_mode = WAL")
        finally:
            connection.close()
        check(sys.argv[2])
    else:
        sys.exit("unknown step " + step)
except sqlite3.Error as error:
    sys.exit("SQLite: %s" % error)
PY
}

backup_postgres() {
  need_args "CONNINFO FILE"
  need_pg pg_dump pg_restore
  local conninfo="${ARGS[0]}" file="${ARGS[1]}"
  check_target "$file"
  temp_next_to "$file"
  log "backup started at $(now): pg_dump -Fc into $file"
  "$PG_BIN/pg_dump" --format=custom --file="$TMP" --dbname="$conninfo" || die "pg_dump failed"
  "$PG_BIN/pg_restore" --list "$TMP" >/dev/null || die "pg_dump wrote an archive pg_restore cannot read"
  mv -f -- "$TMP" "$file"
  TMP=""
  log "done: $file ($(stat -c %s -- "$file") bytes)"
}

restore_postgres() {
  need_args "FILE CONNINFO"
  need_pg pg_restore psql
  local file="${ARGS[0]}" conninfo="${ARGS[1]}" relations
  [[ -f "$file" ]] || die "$file not found"
  "$PG_BIN/pg_restore" --list "$file" >/dev/null || die "$file is not a pg_dump -Fc archive"
  relations="$("$PG_BIN/psql" -X -q -At -v ON_ERROR_STOP=1 --dbname="$conninfo" -c \
    "SELECT COUNT(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_toast%'
       AND n.nspname NOT LIKE 'pg\_temp%'")" || die "cannot connect to the target database"
  [[ "$relations" == "0" ]] \
    || die "the target database is not empty ($relations tables, sequences or indexes): restore into a new one (createdb)"
  log "pg_restore $file"
  "$PG_BIN/pg_restore" --no-owner --no-privileges --single-transaction --exit-on-error --dbname="$conninfo" "$file" \
    || die "pg_restore failed; nothing was restored (one transaction)"
  log "done"
}

backup_sqlite() {
  need_args "DB_FILE FILE"
  need_python
  local db="${ARGS[0]}" file="${ARGS[1]}"
  [[ -f "$db" ]] || die "$db not found"
  check_target "$file"
  temp_next_to "$file"
  rm -f -- "$TMP" # VACUUM INTO wants a file that does not exist yet (or is empty)
  log "backup started at $(now): VACUUM INTO $file"
  sqlite_py backup "$db" "$TMP" || die "the SQLite backup of $db failed"
  mv -f -- "$TMP" "$file"
  TMP=""
  log "done: $file ($(stat -c %s -- "$file") bytes)"
}

restore_sqlite() {
  need_args "FILE DB_FILE"
  need_python
  local file="${ARGS[0]}" db="${ARGS[1]}" stamp suffix
  [[ -f "$file" ]] || die "$file not found"
  check_target "$db"
  sqlite_py check "$file" || die "$file is not an intact SQLite database"
  temp_next_to "$db"
  cp -- "$file" "$TMP"
  sqlite_py prepare "$TMP" || die "could not prepare the copy of $file"
  rm -f -- "$TMP-wal" "$TMP-shm"
  sync -- "$TMP" 2>/dev/null || true
  if [[ -e "$db" ]]; then
    # --force: keep the replaced database and its WAL (a stale -wal beside the restored file would corrupt it).
    stamp="$(date +%Y%m%dT%H%M%S)"
    for suffix in "" -wal -shm -journal; do
      if [[ -e "$db$suffix" ]]; then mv -- "$db$suffix" "$db.replaced-$stamp$suffix"; fi
    done
    log "kept the replaced database as $db.replaced-$stamp"
  fi
  rm -f -- "$db-wal" "$db-shm" "$db-journal"
  mv -f -- "$TMP" "$db"
  TMP=""
  log "done: $db (start the service again)"
}

case "$COMMAND" in
  postgres) backup_postgres ;;
  sqlite) backup_sqlite ;;
  restore-postgres) restore_postgres ;;
  restore-sqlite) restore_sqlite ;;
  *) usage_error "unknown command: $COMMAND" ;;
esac
