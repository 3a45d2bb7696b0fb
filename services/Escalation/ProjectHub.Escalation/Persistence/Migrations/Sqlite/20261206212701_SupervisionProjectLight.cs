using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProjectHub.Escalation.Persistence.Migrations.Sqlite
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
                type: "TEXT",
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
