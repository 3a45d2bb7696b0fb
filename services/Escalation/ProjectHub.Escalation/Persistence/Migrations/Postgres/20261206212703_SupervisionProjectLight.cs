using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProjectHub.Escalation.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SupervisionProjectLight : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ProjectLight",
                table: "problems",
                type: "character varying(10)",
                maxLength: 10,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ProjectLight",
                table: "problems");
        }
    }
}
