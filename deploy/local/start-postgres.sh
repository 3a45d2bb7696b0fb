#!/usr/bin/env bash
# Starts the private PostgreSQL (see infra.sh --help). Usage: start-postgres.sh [--dir DIR]
set -euo pipefail
exec "$(dirname "${BASH_SOURCE[0]}")/infra.sh" "$@" start-postgres
