#!/usr/bin/env bash
# Proves the interop peers against each other, with no C# involved:
#   python client -> python server, node client -> python server,
#   python client -> node server,   node client -> node server.
# If this fails, the peers or their packages are broken, not ProjectHub.
# Usage: tests/interop/selfcheck.sh [-v]   (-v prints every case)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PY="${PROJECTHUB_PYTHON:-/usr/bin/python3}"
NODE="${PROJECTHUB_NODE:-$(command -v node || true)}"
VERBOSE=0
[[ "${1:-}" == "-v" ]] && VERBOSE=1
[[ -n "$NODE" ]] || { echo "selfcheck: node not found (set PROJECTHUB_NODE)" >&2; exit 1; }

LOGDIR="$(mktemp -d "${TMPDIR:-/tmp}/projecthub-interop-selfcheck.XXXXXX")"
PIDS=()
cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  rm -rf "$LOGDIR"
}
trap cleanup EXIT

# start_server NAME CMD... : starts a peer server, sets PORT from its LISTENING line.
start_server() {
  local name="$1"; shift
  "$@" --port 0 >"$LOGDIR/$name.out" 2>"$LOGDIR/$name.err" </dev/null &
  PIDS+=("$!")
  local i
  for ((i = 0; i < 200; i++)); do
    PORT="$(awk '/^LISTENING [0-9]+$/ {print $2; exit}' "$LOGDIR/$name.out")"
    [[ -n "$PORT" ]] && return 0
    kill -0 "${PIDS[-1]}" 2>/dev/null || break
    sleep 0.1
  done
  echo "selfcheck: $name did not print LISTENING <port>:" >&2
  cat "$LOGDIR/$name.err" >&2
  exit 1
}

FAILED=0
run_pair() {  # run_pair LABEL PORT CASES CLIENT_CMD...
  local label="$1" port="$2" cases="$3"; shift 3
  local log="$LOGDIR/client.log"
  if "$@" --server_host 127.0.0.1 --server_port "$port" --test_case "$cases" >"$log" 2>&1; then
    echo "  ok    $label: $(grep -c '^PASS ' "$log") cases"
    if ((VERBOSE)); then sed 's/^/        /' "$log"; fi
  else
    FAILED=1
    echo "  FAIL  $label:"
    sed 's/^/        /' "$log"
  fi
}

PY_CLIENT=("$PY" "$HERE/python/interop_client.py")
NODE_CLIENT=("$NODE" "$HERE/node/interop_client.js")
# The node server has no reflection and no response compression, and no grpcio or
# grpc-js server can see the compressed flag of a request (client_compressed_unary probe).
NODE_SERVER_CASES="empty_unary,large_unary,large_unary_near_limit,large_unary_over_limit,client_streaming,server_streaming,ping_pong,empty_stream,cancel_after_begin,cancel_after_first_response,timeout_on_sleeping_server,status_code_and_message,special_status_message,custom_metadata,unimplemented_method,unimplemented_service,health_check,health_watch"

echo "interop peers self-check (python grpcio $("$PY" -c 'import grpc; print(grpc.__version__)'), node $("$NODE" --version)):"
start_server python-server "$PY" "$HERE/python/interop_server.py"
PY_PORT="$PORT"
start_server node-server "$NODE" "$HERE/node/interop_server.js"
NODE_PORT="$PORT"

run_pair "python client -> python server" "$PY_PORT" all "${PY_CLIENT[@]}" --skip_compression_probe
run_pair "node client   -> python server" "$PY_PORT" all "${NODE_CLIENT[@]}"
run_pair "python client -> node server  " "$NODE_PORT" "$NODE_SERVER_CASES" "${PY_CLIENT[@]}"
run_pair "node client   -> node server  " "$NODE_PORT" all "${NODE_CLIENT[@]}"

if ((FAILED)); then
  echo "interop peers self-check FAILED (this is a peer/environment problem, not ProjectHub)"
  exit 1
fi
echo "interop peers self-check ok"
