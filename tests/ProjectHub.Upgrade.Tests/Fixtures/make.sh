#!/usr/bin/env bash
# Makes the upgrade fixtures: the databases of a release that created its schema with EnsureCreated (the releases
# before EF Core migrations, up to commit 2026-12-04 "Bench on the standard stack"), with sample rows in every
# service, on SQLite and on PostgreSQL. Run it from a checkout of THAT release, built in Release (./test.sh builds
# it); the output is committed next to this script and is never regenerated from a later release, since what the
# upgrade test proves is that the new release upgrades the old schema in place.
#
#   tests/ProjectHub.Upgrade.Tests/Fixtures/make.sh OUT_DIR
#
# Writes OUT_DIR/sqlite/{registry,approval,escalation}.db and OUT_DIR/postgres/{registry,approval,escalation}.sql
# (pg_dump, plain SQL, no owner), each from the same story: the demo projects (seed-demo: every light, reports,
# stage changes), an approval case with items moved, problems raised by hand and escalated, supervision problems
# and alerts from the red projects, some acknowledged.
set -euo pipefail
OUT="$(realpath -m "${1:?usage: make.sh OUT_DIR}")"
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
BIN=bin/Release/net10.0
EMBEDDED="$REPO/services/Embedded/ProjectHub.Embedded/$BIN/ProjectHub.Embedded.dll"
REGISTRY="$REPO/services/Registry/ProjectHub.Registry/$BIN/ProjectHub.Registry.dll"
CLI="$REPO/clients/ProjectHub.Cli/$BIN/projecthub.dll"
for f in "$EMBEDDED" "$REGISTRY" "$CLI"; do [[ -f "$f" ]] || { echo "make.sh: $f missing; build in Release first" >&2; exit 1; }; done
PORTS=(--Services:Registry:Port=25101 --Services:Approval:Port=25102 --Services:Escalation:Port=25103 --Services:Board:Port=25104)
export PROJECTHUB_REGISTRY=127.0.0.1:25101 PROJECTHUB_APPROVAL=127.0.0.1:25102 PROJECTHUB_ESCALATION=127.0.0.1:25103
export XDG_CONFIG_HOME="$(mktemp -d)"
cli() { dotnet "$CLI" "$@"; }

wait_serving() {
  for _ in $(seq 1 120); do
    if cli calendar --help >/dev/null 2>&1 && /usr/bin/python3 "$REPO/tests/interop/python/conformance_client.py" \
        --address 127.0.0.1:25103 --case health >/dev/null 2>&1; then return 0; fi
    sleep 0.5
  done
  echo "make.sh: the embedded host did not become SERVING" >&2; exit 1
}

owner_of() {
  cli projects show "$1" --output json | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["fields"]["ownerUnit"])'
}

story() {
  local admin; admin="$(cli dev-token --role admin --subject fixture-maker)"
  export PROJECTHUB_TOKEN="$admin"
  dotnet "$REGISTRY" seed-demo --registry http://127.0.0.1:25101 --token "$admin"
  sleep 3  # events reach approval and escalation (routes, supervision problems, alerts)
  local ids; mapfile -t ids < <(cli projects list --output json | /usr/bin/python3 -c 'import json,sys; print("\n".join(p["id"] for p in json.load(sys.stdin)["projects"]))')
  local p1="${ids[0]}" p2="${ids[1]}" p3="${ids[2]}"
  local case_id; case_id="$(cli approvals open --project "$p1" --owner-unit "$(owner_of "$p1")" --total-investment 52000 --government-invested --output json | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["caseId"])')"
  # The CLI's --document cannot give a digest and size (which SubmitItem requires), so this one call goes through
  # Debian's grpcio with the request as JSON.
  /usr/bin/python3 "$REPO/tests/interop/python/conformance_client.py" --address 127.0.0.1:25102 --case call \
    --method /projecthub.approval.v1.Approvals/SubmitItem --token "$admin" \
    --request "{\"caseId\":\"$case_id\",\"kind\":\"ITEM_KIND_PROJECT_PROPOSAL\",\"note\":\"项目建议书已报送\",\"documents\":[{\"name\":\"项目建议书.pdf\",\"sha256\":\"$(printf '%064d' 7)\",\"sizeBytes\":\"52340\",\"location\":\"s3://docs/fixture-1\"}]}" >/dev/null
  cli approvals accept "$case_id" --kind project_proposal --department DRC >/dev/null
  cli approvals approve "$case_id" --kind project_proposal --department DRC >/dev/null
  cli approvals open --project "$p2" --owner-unit "$(owner_of "$p2")" --total-investment 800 --green-channel >/dev/null
  local problem; problem="$(cli problems raise --project "$p2" --category land --description 征地拆迁未完成，影响进场施工 --output json | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')"
  cli problems escalate "$problem" --reason 责任单位无法协调，提请行业主管部门 >/dev/null
  local other; other="$(cli problems raise --project "$p3" --category funding --description 中央预算内资金未到位 --output json | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')"
  cli problems ack "$other" >/dev/null
  cli problems resolve "$other" --resolution 资金已拨付到位 >/dev/null
  cli projects update "$p3" --leader 李副市长 --reason 分工调整 >/dev/null
  cli projects exit "${ids[4]}" --reason 项目取消 >/dev/null
  sleep 3  # the last events settle before the host stops
}

mkdir -p "$OUT/sqlite" "$OUT/postgres"
DATA="$(mktemp -d)"
echo "== SQLite"
( cd "$DATA" && exec dotnet "$EMBEDDED" "${PORTS[@]}" --Database:Directory="$DATA" ) >"$DATA/host.log" 2>&1 &
HOST=$!
wait_serving
story
kill -TERM "$HOST"; wait "$HOST" || true
for db in registry approval escalation; do
  [[ ! -s "$DATA/$db.db-wal" ]] || { echo "make.sh: $db.db-wal left behind (unclean stop)" >&2; exit 1; }
  cp "$DATA/$db.db" "$OUT/sqlite/$db.db"
done

echo "== PostgreSQL"
INFRA="$(mktemp -d)"
chmod 755 "$INFRA"
"$REPO/deploy/local/infra.sh" --dir "$INFRA" start-postgres >/dev/null
trap '"$REPO/deploy/local/infra.sh" --dir "$INFRA" destroy >/dev/null 2>&1 || true' EXIT
PROJECTHUB_PG_PORT="$("$REPO/deploy/local/infra.sh" --dir "$INFRA" env | sed -n 's/^PROJECTHUB_PG_PORT=//p')"
PROJECTHUB_PG="Host=127.0.0.1;Port=$PROJECTHUB_PG_PORT;Username=projecthub;Password=projecthub"
export PGPASSWORD=projecthub
PSQL=(psql -h 127.0.0.1 -p "$PROJECTHUB_PG_PORT" -U projecthub -d postgres -v ON_ERROR_STOP=1 -q)
PG_ARGS=(--Database:Provider=Postgres)
for db in registry approval escalation; do
  "${PSQL[@]}" -c "CREATE DATABASE fixture_$db"
  name="$(tr '[:lower:]' '[:upper:]' <<<"${db:0:1}")${db:1}"
  PG_ARGS+=("--Database:$name:ConnectionString=$PROJECTHUB_PG;Database=fixture_$db")
done
( cd "$DATA" && exec dotnet "$EMBEDDED" "${PORTS[@]}" --Database:Directory="$DATA/pg" "${PG_ARGS[@]}" ) >"$DATA/host-pg.log" 2>&1 &
HOST=$!
wait_serving
story
kill -TERM "$HOST"; wait "$HOST" || true
for db in registry approval escalation; do
  pg_dump -h 127.0.0.1 -p "$PROJECTHUB_PG_PORT" -U projecthub --no-owner --no-privileges "fixture_$db" >"$OUT/postgres/$db.sql"
done
echo "fixtures written to $OUT"
