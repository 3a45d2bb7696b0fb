-- Escalation service, release of 2026-12-04 (the standard gRPC stack): the project routing copy is one shared piece
-- of the hosting library now (libs/ProjectHub.Hosting/Projects), whose "updated at" is Unix milliseconds like the
-- approval service's. Apply to an existing escalation database on PostgreSQL before the new version starts; new
-- databases get the table from EnsureCreated (docs/decisions/0003). Run it once.
BEGIN;
ALTER TABLE project_routes ADD COLUMN "UpdatedAtUnixMs" bigint NOT NULL DEFAULT 0;
UPDATE project_routes SET "UpdatedAtUnixMs" = (EXTRACT(EPOCH FROM "UpdatedAt") * 1000)::bigint;
ALTER TABLE project_routes ALTER COLUMN "UpdatedAtUnixMs" DROP DEFAULT;
ALTER TABLE project_routes DROP COLUMN "UpdatedAt";
ALTER TABLE project_routes ALTER COLUMN "ProjectId" TYPE varchar(128);
COMMIT;
