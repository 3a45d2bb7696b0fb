#!/usr/bin/env bash
# Stops the private RabbitMQ and PostgreSQL (data kept; see infra.sh --help). Usage: stop-all.sh [--dir DIR]
set -euo pipefail
exec "$(dirname "${BASH_SOURCE[0]}")/infra.sh" "$@" stop
