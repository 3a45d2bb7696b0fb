#!/usr/bin/env bash
# Starts the private RabbitMQ (see infra.sh --help). Usage: start-rabbitmq.sh [--dir DIR]
set -euo pipefail
exec "$(dirname "${BASH_SOURCE[0]}")/infra.sh" "$@" start-rabbitmq
