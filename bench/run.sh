#!/usr/bin/env bash
# ProjectHub benchmarks: builds what they need (Release) and runs every measurement once, printing the tables
# and writing bench/results/latest.{md,json} plus a dated copy. Not tests: nothing here passes or fails.
#   bench/run.sh [--quick] [--only grpc,ingestion,lights,sweep,reads,alerts,startup,retention] [--results DIR]
# (--results: write latest.* and the dated copy to DIR instead of bench/results, e.g. for a trial on a busy machine.)
# Needs the .NET 10 SDK, Debian python3-grpcio (/usr/bin/python3) and node with tests/interop/node's
# npm packages (./test.sh installs both); figures 2-5 also Debian postgresql and rabbitmq-server, each started
# privately with deploy/local/infra.sh under /tmp and destroyed at the end. Loopback only; every loop is bounded by time.
# Figure 1's "ours" is the services' own stack: a grpc.testing TestService on Grpc.AspNetCore hosted as every service
# host is (ProjectHub.Hosting: AddProjectHubDefaults, ListenGrpc h2c, UseProjectHub; mapped without a token, like the
# grpcio and grpc-js peers), driven by Grpc.Net.Client with the client defaults. See bench/README.md.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"

mode_args=()
only=all
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) mode_args+=(--quick) ;;
    --only) mode_args+=(--only "$2"); only="$2"; shift ;;
    --results) mode_args+=(--results "$2"); shift ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) echo "unknown option: $1 (try --help)" >&2; exit 2 ;;
  esac
  shift
done

export PROJECTHUB_PYTHON="${PROJECTHUB_PYTHON:-/usr/bin/python3}"
export PROJECTHUB_NODE="${PROJECTHUB_NODE:-$(command -v node || echo node)}"
# The Python and Node peers are only started by figures 1 (grpc) and 6 (startup).
if [[ "$only" == all || ",$only," == *,grpc,* || ",$only," == *,startup,* ]]; then
  "$PROJECTHUB_PYTHON" -c 'import grpc' 2>/dev/null || { echo "bench: needs Debian python3-grpcio for $PROJECTHUB_PYTHON (apt-get install python3-grpcio python3-grpc-tools grpc-proto)" >&2; exit 2; }
  [ -d tests/interop/node/node_modules/@grpc/grpc-js ] || { echo "bench: needs the Node peer's packages (cd tests/interop/node && npm ci)" >&2; exit 2; }
fi

# Only the two things the run starts: the driver and the embedded host (which builds the three service hosts).
dotnet build bench/ProjectHub.Bench -c Release --nologo -v q
dotnet build services/Embedded/ProjectHub.Embedded -c Release --nologo -v q

exec dotnet bench/ProjectHub.Bench/bin/Release/net10.0/ProjectHub.Bench.dll run --repo "$repo" "${mode_args[@]}"
