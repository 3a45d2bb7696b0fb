-- Approval service, release adding the project routing copy (approval_project_routes). New databases get the table
-- from EnsureCreated (docs/decisions/0003); apply this to an existing approval database before the new pods start.
-- Runs on PostgreSQL and SQLite alike, and is safe to run twice.
--
-- Projects registered before this release are unknown to the approval service until the registry next publishes an
-- event about them (update, stage change, exit, progress report or light change): until then owners cannot open
-- their cases (the DRC can), leaders do not see them, and owners read them by the case's owner unit.
CREATE TABLE IF NOT EXISTS approval_project_routes (
    "ProjectId" varchar(128) NOT NULL,
    "ProjectName" text NOT NULL,
    "OwnerUnit" text NOT NULL,
    "ResponsibleUnit" text NOT NULL,
    "IndustryDepartment" text NOT NULL,
    "LeaderInCharge" text NOT NULL,
    "UpdatedAtUnixMs" bigint NOT NULL,
    CONSTRAINT "PK_approval_project_routes" PRIMARY KEY ("ProjectId")
);
