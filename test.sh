#!/usr/bin/env bash
# ProjectHub's test command (CI runs it through .ci/run).
# Installs what the tests need, builds the solution, runs every test, and ends
# with exactly one summary line: `tests: N passed, N failed[, N skipped]`.
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: ./test.sh [--filter EXPR] [--skip-peer-check] [-- EXTRA_DOTNET_TEST_ARGS...]

Installs missing Debian packages (apt-get, needs root or passwordless sudo), the
Node interop peer's packages and buf (npm ci), checks the interop peers against
each other, checks the protos (buf lint, and buf breaking against the previous
commit: protos/check.sh), then runs:
  dotnet tool restore (dotnet-ef, the tool that adds migrations: docs/migrations.md)
  dotnet restore <solution>
  dotnet build   <solution> -c Release --no-restore
  dotnet test    <solution> -c Release --no-build --logger trx --blame-hang-timeout 5m
TRX files are copied to artifacts/test-results/<project>/. The last line printed
is `tests: N passed, N failed` (`, N skipped` only if any were skipped). The exit
status is non-zero if the build failed, any test failed or was skipped, a test
host crashed or left no TRX, or no test ran.

Options:
  --filter EXPR       passed to `dotnet test --filter` (e.g. "FullyQualifiedName~Conformance");
                      test projects with no matching tests are then not an error
  --skip-peer-check   skip tests/interop/selfcheck.sh (peers against each other)
  --skip-proto-check  skip protos/check.sh (buf lint and buf breaking)
  -h, --help          this help
  -- ARGS...          anything after -- is passed to dotnet test as is

Environment:
  PROJECTHUB_SOLUTION        solution to use (default ProjectHub.sln, else ProjectHub.slnx)
  PROJECTHUB_BLAME_DUMP_TYPE hang dump type for --blame-hang-dump-type (default none;
                             mini/full dumps are 150+ MB each)
Exported for the tests: PROJECTHUB_PYTHON, PROJECTHUB_INTEROP_DIR, PROJECTHUB_NODE.
EOF
}

# ---------------------------------------------------------------------------------
# Debian packages the tests need. Checked with dpkg-query; `apt-get update` and
# `apt-get install` run only when something is missing.
# LEAD: add system packages here (e.g. rabbitmq-server postgresql chromium).
APT_PACKAGES=(
  python3-grpcio      # Python gRPC interop peer (tests/interop/python)
  python3-grpc-tools  # protoc used by that peer at run time
  grpc-proto          # official interop / health / reflection .proto files
  python3-yaml        # deploy tests parse the compose and Kubernetes YAML
  rabbitmq-server     # private broker of tests/ProjectHub.Infrastructure.Tests (deploy/local/infra.sh)
  postgresql          # private PostgreSQL 15 of the same tests (deploy/local/infra.sh)
  chromium            # headless browser driving the web board in tests/ProjectHub.Board.Tests
  fonts-wqy-microhei  # a CJK font, so the board's Chinese text renders in screenshots
)
# ---------------------------------------------------------------------------------

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$REPO_ROOT"

CONFIGURATION=Release
RESULTS_DIR="$REPO_ROOT/artifacts/test-results"
HANG_TIMEOUT=5m
FILTER=""
PEER_CHECK=1
PROTO_CHECK=1
EXTRA_TEST_ARGS=()

while (($#)); do
  case "$1" in
    -h | --help) usage; exit 0 ;;
    --filter) [[ $# -ge 2 ]] || { echo "test.sh: --filter needs an expression" >&2; exit 2; }
      FILTER="$2"; shift 2 ;;
    --filter=*) FILTER="${1#--filter=}"; shift ;;
    --skip-peer-check) PEER_CHECK=0; shift ;;
    --skip-proto-check) PROTO_CHECK=0; shift ;;
    --) shift; EXTRA_TEST_ARGS=("$@"); break ;;
    *) echo "test.sh: unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done

# Whatever happens, the last line is the summary line.
STEP="start"
SUMMARY_PRINTED=0
# shellcheck disable=SC2317  # called through the EXIT trap
on_exit() {
  local rc=$?
  if ((SUMMARY_PRINTED == 0)); then
    echo "test.sh: FAILED during: $STEP (exit $rc); no tests were run"
    echo "tests: 0 passed, 0 failed"
    ((rc != 0)) || rc=1
  fi
  exit "$rc"
}
trap on_exit EXIT

section() { STEP="$1"; echo; echo "==> $1"; }
die() { echo "test.sh: ERROR: $*" >&2; exit 1; }

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
if [[ "${CI:-}" == "true" ]]; then
  # No MSBuild worker nodes left behind holding the CI job's output open.
  export MSBUILDDISABLENODEREUSE=1
fi

# --- 1. Debian packages --------------------------------------------------------------
section "system packages (${APT_PACKAGES[*]})"
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  if [[ "$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)" != "installed" ]]; then
    missing+=("$pkg")
  fi
done
if ((${#missing[@]})); then
  echo "installing: ${missing[*]}"
  if [[ "$(id -u)" == "0" ]]; then
    AS_ROOT=()
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    AS_ROOT=(sudo -n)
  else
    die "missing Debian packages: ${missing[*]}; run as root or: sudo apt-get install ${missing[*]}"
  fi
  APT=("${AS_ROOT[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -q -o DPkg::Lock::Timeout=600)
  "${APT[@]}" update </dev/null || die "apt-get update failed"
  "${APT[@]}" install -y --no-install-recommends "${missing[@]}" </dev/null \
    || die "apt-get install ${missing[*]} failed"
  for pkg in "${missing[@]}"; do
    [[ "$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)" == "installed" ]] \
      || die "Debian package $pkg is still not installed"
  done
else
  echo "all installed"
fi

# --- 2. interop peers ------------------------------------------------------------------
export PROJECTHUB_PYTHON=/usr/bin/python3
export PROJECTHUB_INTEROP_DIR="$REPO_ROOT/tests/interop"
PROJECTHUB_NODE="$(command -v node || true)"
export PROJECTHUB_NODE

section "python interop peer"
[[ -x "$PROJECTHUB_PYTHON" ]] || die "$PROJECTHUB_PYTHON not found"
"$PROJECTHUB_PYTHON" -c 'import grpc, grpc_tools, google.protobuf' \
  || die "$PROJECTHUB_PYTHON cannot import grpc/grpc_tools/protobuf (Debian python3-grpcio, python3-grpc-tools)"
"$PROJECTHUB_PYTHON" "$PROJECTHUB_INTEROP_DIR/python/interop_client.py" --list >/dev/null \
  || die "the Python interop peer cannot load its protos"
echo "ok: grpcio $("$PROJECTHUB_PYTHON" -c 'import grpc; print(grpc.__version__)')"

section "node interop peer (npm ci)"
[[ -n "$PROJECTHUB_NODE" ]] || die "node is not on PATH: the Node interop peer needs Node.js and npm"
command -v npm >/dev/null 2>&1 || die "npm is not on PATH: the Node interop peer needs it for npm ci"
NODE_DIR="$PROJECTHUB_INTEROP_DIR/node"
LOCK_SUM="$(sha256sum "$NODE_DIR/package-lock.json" | cut -d' ' -f1)"
STAMP="$NODE_DIR/node_modules/.projecthub-lock.sha256"
if [[ ! -d "$NODE_DIR/node_modules" || "$(cat "$STAMP" 2>/dev/null || true)" != "$LOCK_SUM" ]]; then
  (cd "$NODE_DIR" && npm ci --no-audit --no-fund </dev/null) \
    || die "npm ci failed in $NODE_DIR (npm registry unreachable or lockfile out of date?)"
  echo "$LOCK_SUM" >"$STAMP"
else
  echo "node_modules up to date"
fi
"$PROJECTHUB_NODE" "$NODE_DIR/interop_client.js" --list >/dev/null \
  || die "the Node interop peer does not start (see above)"
echo "ok: node $("$PROJECTHUB_NODE" --version), @grpc/grpc-js $(cd "$NODE_DIR" && "$PROJECTHUB_NODE" -p 'require("@grpc/grpc-js/package.json").version')"

if ((PEER_CHECK)); then
  section "interop peers against each other"
  bash "$PROJECTHUB_INTEROP_DIR/selfcheck.sh" || die "interop peer self-check failed"
fi

# --- 3. protos: style and wire compatibility ---------------------------------------------
if ((PROTO_CHECK)); then
  section "protos: buf lint and buf breaking (npm ci in protos/)"
  PROTOS_DIR="$REPO_ROOT/protos"
  BUF_LOCK_SUM="$(sha256sum "$PROTOS_DIR/package-lock.json" | cut -d' ' -f1)"
  BUF_STAMP="$PROTOS_DIR/node_modules/.projecthub-lock.sha256"
  if [[ ! -d "$PROTOS_DIR/node_modules" || "$(cat "$BUF_STAMP" 2>/dev/null || true)" != "$BUF_LOCK_SUM" ]]; then
    (cd "$PROTOS_DIR" && npm ci --no-audit --no-fund </dev/null) \
      || die "npm ci failed in $PROTOS_DIR (npm registry unreachable or lockfile out of date?)"
    echo "$BUF_LOCK_SUM" >"$BUF_STAMP"
  fi
  bash "$PROTOS_DIR/check.sh" || die "proto check failed (protos/check.sh)"
fi

# --- 4. build -----------------------------------------------------------------------------
STEP="locating the solution"
SOLUTION="${PROJECTHUB_SOLUTION:-}"
if [[ -z "$SOLUTION" ]]; then
  for candidate in ProjectHub.sln ProjectHub.slnx; do
    if [[ -f "$candidate" ]]; then SOLUTION="$candidate"; break; fi
  done
fi
[[ -n "$SOLUTION" && -f "$SOLUTION" ]] || die "solution not found (ProjectHub.sln / ProjectHub.slnx in $REPO_ROOT)"

section "dotnet tool restore (.config/dotnet-tools.json: dotnet-ef)"
dotnet tool restore || die "dotnet tool restore failed"

section "dotnet restore $SOLUTION"
dotnet restore "$SOLUTION" || die "dotnet restore failed"

section "dotnet build $SOLUTION -c $CONFIGURATION"
BUILD_RC=0
dotnet build "$SOLUTION" -c "$CONFIGURATION" --no-restore || BUILD_RC=$?
if [[ "${CI:-}" == "true" ]]; then
  dotnet build-server shutdown >/dev/null 2>&1 || true  # free the compiler server's memory
fi
((BUILD_RC == 0)) || die "BUILD FAILED (dotnet build exit $BUILD_RC)"

# --- 5. test ----------------------------------------------------------------------------------
section "finding test projects"
PROJECTS_TSV="$(mktemp "${TMPDIR:-/tmp}/projecthub-test-projects.XXXXXX")"
SUMMARY_TOOL="$REPO_ROOT/tests/tools/trx_summary.py"
"$PROJECTHUB_PYTHON" "$SUMMARY_TOOL" discover --solution "$SOLUTION" --configuration "$CONFIGURATION" \
  >"$PROJECTS_TSV" || die "could not list the test projects of $SOLUTION"
cut -f1 "$PROJECTS_TSV" | sed 's/^/  /'
# Each project's TRX stays in its own results dir (one shared dir lets two projects
# that finish in the same second overwrite each other's file); start them empty.
while IFS=$'\t' read -r _ _ dir; do
  case "$dir" in
    "$REPO_ROOT"/*) rm -rf -- "$dir" ;;
    *) echo "test.sh: not cleaning results dir outside the repo: $dir" >&2 ;;
  esac
done <"$PROJECTS_TSV"
rm -rf -- "$RESULTS_DIR"
mkdir -p "$RESULTS_DIR"

section "dotnet test $SOLUTION -c $CONFIGURATION${FILTER:+ --filter $FILTER}"
TEST_ARGS=(--logger trx --blame-hang-timeout "$HANG_TIMEOUT"
           --blame-hang-dump-type "${PROJECTHUB_BLAME_DUMP_TYPE:-none}")
SUMMARY_ARGS=()
if [[ -n "$FILTER" ]]; then
  TEST_ARGS+=(--filter "$FILTER")
  SUMMARY_ARGS+=(--filtered)
fi
TEST_RC=0
dotnet test "$SOLUTION" -c "$CONFIGURATION" --no-build "${TEST_ARGS[@]}" "${EXTRA_TEST_ARGS[@]}" || TEST_RC=$?

section "summary"
SUMMARY_RC=0
SUMMARY_PRINTED=1
"$PROJECTHUB_PYTHON" "$SUMMARY_TOOL" summarize --projects "$PROJECTS_TSV" --collect-to "$RESULTS_DIR" \
  --dotnet-exit "$TEST_RC" "${SUMMARY_ARGS[@]}" || SUMMARY_RC=$?
rm -f "$PROJECTS_TSV"
if ((SUMMARY_RC > 1)); then
  # The summary tool itself broke: it may not have printed the line.
  echo "test.sh: the TRX summary tool failed (exit $SUMMARY_RC)"
  echo "tests: 0 passed, 0 failed"
fi
exit "$SUMMARY_RC"
