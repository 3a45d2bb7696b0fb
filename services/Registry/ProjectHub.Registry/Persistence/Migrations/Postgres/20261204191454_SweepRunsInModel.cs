using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProjectHub.Registry.Persistence.Migrations.Postgres
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
                CREATE TABLE IF NOT EXISTS sweep_runs (day character varying(10) NOT NULL, claimed_by character varying(200) NOT NULL, claimed_at_ms bigint NOT NULL, finished_at_ms bigint NULL, CONSTRAINT "PK_sweep_runs" PRIMARY KEY (day));
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
