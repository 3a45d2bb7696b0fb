-- Registry, release of 2026-11-30: indexes for ListProjects filters, role scopes, the board's grouping and report
-- periods. New databases get them from EnsureCreated (docs/decisions/0003); run this once on an existing database
-- (PostgreSQL or SQLite) before or after the new version starts. Safe to run twice.
CREATE INDEX IF NOT EXISTS "IX_projects_Light_Page" ON "projects" ("Light", "RegisteredAtMs", "Id");
CREATE INDEX IF NOT EXISTS "IX_projects_Department_Page" ON "projects" ("IndustryDepartment", "RegisteredAtMs", "Id");
CREATE INDEX IF NOT EXISTS "IX_projects_Department_Light_Page" ON "projects" ("IndustryDepartment", "Light", "RegisteredAtMs", "Id");
CREATE INDEX IF NOT EXISTS "IX_projects_Leader_Page" ON "projects" ("LeaderInCharge", "RegisteredAtMs", "Id");
CREATE INDEX IF NOT EXISTS "IX_projects_OwnerUnit" ON "projects" ("OwnerUnit");
CREATE INDEX IF NOT EXISTS "IX_projects_ResponsibleUnit" ON "projects" ("ResponsibleUnit");
CREATE INDEX IF NOT EXISTS "IX_projects_Board" ON "projects" ("IndustryDepartment", "Locality", "LeaderInCharge", "Tier", "Light", "Stage", "TotalInvestment", "YearPlannedInvestment");
CREATE INDEX IF NOT EXISTS "IX_progress_reports_Period" ON "progress_reports" ("PeriodStart", "IsCurrent", "ProjectId", "PeriodInvestment");
