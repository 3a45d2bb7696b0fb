-- Escalation service, release of 2026-12-04 (the standard gRPC stack): the project routing copy is one shared piece
-- of the hosting library now (libs/ProjectHub.Hosting/Projects), whose "updated at" is Unix milliseconds like the
-- approval service's. Apply to an existing escalation database on SQLite (data/escalation.db) before the new
-- version starts, e.g. `sqlite3 data/escalation.db < 0001-project-routes-unix-ms.sqlite.sql`; new databases get
-- the table from EnsureCreated (docs/decisions/0003). Run it once. Needs SQLite 3.35 or newer (DROP COLUMN).
BEGIN;
ALTER TABLE project_routes ADD COLUMN "UpdatedAtUnixMs" INTEGER NOT NULL DEFAULT 0;
UPDATE project_routes SET "UpdatedAtUnixMs" = CAST(ROUND((julianday("UpdatedAt") - 2440587.5) * 86400000.0) AS INTEGER);
ALTER TABLE project_routes DROP COLUMN "UpdatedAt";
COMMIT;
