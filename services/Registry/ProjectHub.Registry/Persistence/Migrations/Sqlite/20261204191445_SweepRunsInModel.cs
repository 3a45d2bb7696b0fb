using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProjectHub.Registry.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SweepRunsInModel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The table predates migrations: the releases before them created it on the first sweep claim
            // (CREATE TABLE IF NOT EXISTS in Lights/SweepRuns), so a database upgraded from one may have it already.
            // Same columns and key as EF Core would create.
            migrationBuilder.Sql("""
                CREATE TABLE IF NOT EXISTS "sweep_runs" ("day" TEXT NOT NULL CONSTRAINT "PK_sweep_runs" PRIMARY KEY, "claimed_by" TEXT NOT NULL, "claimed_at_ms" INTEGER NOT NULL, "finished_at_ms" INTEGER NULL);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "sweep_runs");
        }
    }
}
