#!/usr/bin/env bash
# Private, throw-away RabbitMQ and PostgreSQL for development and the infrastructure tests.
# Runs Debian's rabbitmq-server (3.10) and postgresql (15) as plain background processes: no system services,
# no containers, private ports, private data directories, private Erlang node name / epmd / distribution port,
# so they never collide with a system RabbitMQ/PostgreSQL or with another engineer's instances.
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: deploy/local/infra.sh [--dir DIR] COMMAND

Commands:
  start             start RabbitMQ and PostgreSQL, wait until both are ready, print the settings
  start-rabbitmq    start (or keep) RabbitMQ only
  start-postgres    start (or keep) PostgreSQL only
  stop              stop both (data is kept; the next start reuses the same ports)
  stop-rabbitmq     stop RabbitMQ only
  stop-postgres     stop PostgreSQL only
  env               print the settings of DIR (the same lines `start` prints)
  add-vhost NAME    create RabbitMQ virtual host NAME with full rights for guest (test isolation)
  rabbitmqctl ARGS  run rabbitmqctl against the private node (e.g. rabbitmqctl list_queues name type)
  destroy           stop both and delete DIR

Options:
  --dir DIR         data, logs, sockets and the chosen ports live here (default ./.dev/infra;
                    env PROJECTHUB_INFRA_DIR)

Ports are picked once per DIR (free ports, or PROJECTHUB_RABBITMQ_PORT / PROJECTHUB_PG_PORT if set) and
stored in DIR/ports.env. The settings are printed on stdout as environment lines and written to DIR/infra.env:
  PROJECTHUB_PG=Host=127.0.0.1;Port=...;Username=projecthub;Password=projecthub
  PROJECTHUB_RABBITMQ_HOST=127.0.0.1  PROJECTHUB_RABBITMQ_PORT=...  (user/password guest/guest, vhost /)
Everything else goes to stderr. Needs the Debian packages rabbitmq-server and postgresql (./test.sh installs them).
When run as root, PostgreSQL runs as the unprivileged `postgres` user (DIR must be reachable by it).
EOF
}

DIR="${PROJECTHUB_INFRA_DIR:-./.dev/infra}"
while (($#)); do
  case "$1" in
    -h | --help) usage; exit 0 ;;
    --dir) [[ $# -ge 2 ]] || { echo "infra.sh: --dir needs a directory" >&2; exit 2; }; DIR="$2"; shift 2 ;;
    --dir=*) DIR="${1#--dir=}"; shift ;;
    -*) echo "infra.sh: unknown option: $1 (see --help)" >&2; exit 2 ;;
    *) break ;;
  esac
done
COMMAND="${1:-}"
[[ -n "$COMMAND" ]] || { usage >&2; exit 2; }

PG_BIN=/usr/lib/postgresql/15/bin
RABBIT_BIN=/usr/lib/rabbitmq/bin
PG_USER=projecthub
PG_PASSWORD=projecthub

log() { echo "infra.sh: $*" >&2; }
die() { echo "infra.sh: ERROR: $*" >&2; exit 1; }

mkdir -p "$DIR"
DIR="$(cd "$DIR" && pwd)"

port_in_use() { (: </dev/tcp/127.0.0.1/"$1") 2>/dev/null; }

# Picks a free TCP port in 20000-59999 (and that port + 20000 free too when asked, for RabbitMQ's CLI range).
pick_port() {
  local tries=0 port
  while ((tries++ < 200)); do
    port=$((20000 + RANDOM % 20000))
    if ! port_in_use "$port"; then echo "$port"; return 0; fi
  done
  die "no free TCP port found"
}

load_ports() {
  if [[ -f "$DIR/ports.env" ]]; then
    # shellcheck disable=SC1091
    source "$DIR/ports.env"
  fi
  : "${RABBIT_PORT:=${PROJECTHUB_RABBITMQ_PORT:-$(pick_port)}}"
  : "${RABBIT_DIST_PORT:=$(pick_port)}"
  : "${EPMD_PORT:=$(pick_port)}"
  : "${PG_PORT:=${PROJECTHUB_PG_PORT:-$(pick_port)}}"
  cat >"$DIR/ports.env" <<EOF
RABBIT_PORT=$RABBIT_PORT
RABBIT_DIST_PORT=$RABBIT_DIST_PORT
EPMD_PORT=$EPMD_PORT
PG_PORT=$PG_PORT
EOF
}

print_env() {
  {
    echo "PROJECTHUB_PG=Host=127.0.0.1;Port=$PG_PORT;Username=$PG_USER;Password=$PG_PASSWORD"
    echo "PROJECTHUB_PG_PORT=$PG_PORT"
    echo "PROJECTHUB_RABBITMQ_HOST=127.0.0.1"
    echo "PROJECTHUB_RABBITMQ_PORT=$RABBIT_PORT"
    echo "PROJECTHUB_RABBITMQ_USER=guest"
    echo "PROJECTHUB_RABBITMQ_PASSWORD=guest"
    echo "PROJECTHUB_RABBITMQ_NODE=$RABBIT_NODE"
  } | tee "$DIR/infra.env"
}

# --- RabbitMQ -------------------------------------------------------------------------------------------------
rabbit_env() {
  RABBIT_DIR="$DIR/rabbitmq"
  RABBIT_NODE="projecthub-$RABBIT_PORT@localhost"
  mkdir -p "$RABBIT_DIR/home" "$RABBIT_DIR/mnesia" "$RABBIT_DIR/log"
  # The Erlang cookie lives in $HOME: a private HOME gives a private cookie.
  export HOME="$RABBIT_DIR/home"
  export RABBITMQ_NODENAME="$RABBIT_NODE"
  export RABBITMQ_USE_LONGNAME=false
  export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
  export RABBITMQ_NODE_PORT="$RABBIT_PORT"
  export RABBITMQ_DIST_PORT="$RABBIT_DIST_PORT"
  export ERL_EPMD_PORT="$EPMD_PORT"
  export ERL_EPMD_ADDRESS=127.0.0.1
  export RABBITMQ_MNESIA_BASE="$RABBIT_DIR/mnesia"
  export RABBITMQ_LOG_BASE="$RABBIT_DIR/log"
  export RABBITMQ_PID_FILE="$RABBIT_DIR/rabbitmq.pid"
  export RABBITMQ_CONF_ENV_FILE="$RABBIT_DIR/rabbitmq-env.conf" # not /etc/rabbitmq/rabbitmq-env.conf
  export RABBITMQ_CONFIG_FILE="$RABBIT_DIR/rabbitmq.conf"
  export RABBITMQ_ADVANCED_CONFIG_FILE="$RABBIT_DIR/advanced.config"
  export RABBITMQ_ENABLED_PLUGINS_FILE="$RABBIT_DIR/enabled_plugins"
  export RABBITMQ_ENABLED_PLUGINS=""
  export RABBITMQ_LOGS="$RABBIT_DIR/log/rabbit.log"
  touch "$RABBITMQ_CONF_ENV_FILE"
  [[ -f "$RABBITMQ_ENABLED_PLUGINS_FILE" ]] || echo "[]." >"$RABBITMQ_ENABLED_PLUGINS_FILE"
  [[ -f "$RABBITMQ_CONFIG_FILE" ]] || cat >"$RABBITMQ_CONFIG_FILE" <<EOF
listeners.tcp.1 = 127.0.0.1:$RABBIT_PORT
loopback_users.guest = true
# Development box: do not block publishers on a nearly full disk.
disk_free_limit.absolute = 50MB
EOF
}

rabbit_ping() { "$RABBIT_BIN/rabbitmq-diagnostics" -q ping >/dev/null 2>&1; }

start_rabbitmq() {
  [[ -x "$RABBIT_BIN/rabbitmq-server" ]] || die "RabbitMQ not found in $RABBIT_BIN: install the Debian package rabbitmq-server (./test.sh installs it)"
  rabbit_env
  if rabbit_ping; then log "RabbitMQ $RABBIT_NODE already running on 127.0.0.1:$RABBIT_PORT"; return 0; fi
  port_in_use "$RABBIT_PORT" && die "port $RABBIT_PORT is taken by another process (delete $DIR/ports.env to pick new ports)"
  log "starting RabbitMQ $RABBIT_NODE on 127.0.0.1:$RABBIT_PORT (epmd $EPMD_PORT, distribution $RABBIT_DIST_PORT, data $RABBIT_DIR)"
  # setsid: its own session, so it outlives this script and a Ctrl-C in the caller's terminal.
  setsid "$RABBIT_BIN/rabbitmq-server" >>"$RABBIT_DIR/log/stdout.log" 2>&1 </dev/null &
  local server_pid=$!
  local deadline=$((SECONDS + 90))
  until [[ -s "$RABBITMQ_PID_FILE" ]] && rabbit_ping; do
    if ! kill -0 "$server_pid" 2>/dev/null; then
      tail -n 30 "$RABBIT_DIR/log/stdout.log" >&2 || true
      die "RabbitMQ exited during start (logs: $RABBIT_DIR/log)"
    fi
    ((SECONDS < deadline)) || die "RabbitMQ not ready after 90 s (logs: $RABBIT_DIR/log)"
    sleep 0.5
  done
  "$RABBIT_BIN/rabbitmqctl" -q await_startup --timeout 60 >/dev/null
  log "RabbitMQ ready"
}

stop_rabbitmq() {
  rabbit_env
  if rabbit_ping; then
    log "stopping RabbitMQ $RABBIT_NODE"
    # `shutdown` returns when the node's OS process has exited.
    "$RABBIT_BIN/rabbitmqctl" -q shutdown --timeout 60 >/dev/null 2>&1 || true
  fi
  if [[ -s "$RABBITMQ_PID_FILE" ]]; then
    local pid
    pid="$(cat "$RABBITMQ_PID_FILE")"
    if kill -0 "$pid" 2>/dev/null; then kill -TERM "$pid" 2>/dev/null || true; sleep 2; kill -KILL "$pid" 2>/dev/null || true; fi
    rm -f "$RABBITMQ_PID_FILE"
  fi
  # The node started its own epmd on the private port; stop it (it would keep that port).
  epmd -port "$EPMD_PORT" -kill >/dev/null 2>&1 || true
}

# --- PostgreSQL -----------------------------------------------------------------------------------------------
# Postgres refuses to run as root: then it runs as the `postgres` user the Debian package creates.
as_pg() {
  if [[ "$(id -u)" == "0" ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_env() {
  PG_DIR="$DIR/postgres"
  PG_DATA="$PG_DIR/data"
  PG_SOCKET="$PG_DIR/run"
  mkdir -p "$PG_DIR" "$PG_SOCKET"
  if [[ "$(id -u)" == "0" ]]; then
    chown postgres: "$PG_DIR" "$PG_SOCKET"
    chmod 700 "$PG_DIR"
  fi
}

start_postgres() {
  [[ -x "$PG_BIN/pg_ctl" ]] || die "PostgreSQL 15 not found in $PG_BIN: install the Debian package postgresql (./test.sh installs it)"
  pg_env
  if [[ "$(id -u)" == "0" ]] && ! runuser -u postgres -- test -x "$PG_DIR"; then
    die "the postgres user cannot reach $PG_DIR (a parent directory is not searchable); use --dir elsewhere, e.g. under /tmp"
  fi
  if [[ ! -f "$PG_DATA/PG_VERSION" ]]; then
    log "initdb $PG_DATA"
    local pwfile="$PG_DIR/pwfile"
    echo "$PG_PASSWORD" >"$pwfile"
    [[ "$(id -u)" == "0" ]] && chown postgres: "$pwfile"
    as_pg "$PG_BIN/initdb" -D "$PG_DATA" -U "$PG_USER" --pwfile="$pwfile" -E UTF8 --locale=C.UTF-8 \
      --auth-local=trust --auth-host=scram-sha-256 >"$PG_DIR/initdb.log" 2>&1 \
      || { cat "$PG_DIR/initdb.log" >&2; die "initdb failed"; }
    rm -f "$pwfile"
  fi
  if as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1; then
    log "PostgreSQL already running on 127.0.0.1:$PG_PORT"; return 0
  fi
  port_in_use "$PG_PORT" && die "port $PG_PORT is taken by another process (delete $DIR/ports.env to pick new ports)"
  log "starting PostgreSQL 15 on 127.0.0.1:$PG_PORT (data $PG_DATA)"
  as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_DIR/postgres.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -c port=$PG_PORT -c unix_socket_directories='$PG_SOCKET' -c max_connections=200" \
    start >/dev/null \
    || { tail -n 30 "$PG_DIR/postgres.log" >&2 || true; die "PostgreSQL did not start (log: $PG_DIR/postgres.log)"; }
  log "PostgreSQL ready"
}

stop_postgres() {
  pg_env
  if [[ -f "$PG_DATA/PG_VERSION" ]] && as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1; then
    log "stopping PostgreSQL"
    as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t 60 stop >/dev/null
  fi
}

load_ports
RABBIT_NODE="projecthub-$RABBIT_PORT@localhost"
case "$COMMAND" in
  start) start_rabbitmq; start_postgres; print_env ;;
  start-rabbitmq) start_rabbitmq; print_env ;;
  start-postgres) start_postgres; print_env ;;
  stop) stop_rabbitmq; stop_postgres ;;
  stop-rabbitmq) stop_rabbitmq ;;
  stop-postgres) stop_postgres ;;
  env) print_env ;;
  add-vhost)
    [[ -n "${2:-}" ]] || die "add-vhost needs a name"
    rabbit_env
    "$RABBIT_BIN/rabbitmqctl" -q add_vhost "$2" >/dev/null
    "$RABBIT_BIN/rabbitmqctl" -q set_permissions -p "$2" guest '.*' '.*' '.*' >/dev/null ;;
  rabbitmqctl) shift; rabbit_env; "$RABBIT_BIN/rabbitmqctl" "$@" ;;
  destroy) stop_rabbitmq; stop_postgres; rm -rf -- "$DIR"; log "removed $DIR" ;;
  *) echo "infra.sh: unknown command: $COMMAND (see --help)" >&2; exit 2 ;;
esac
