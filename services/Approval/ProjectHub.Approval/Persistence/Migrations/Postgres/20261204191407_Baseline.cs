using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ProjectHub.Approval.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Baseline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "approval_cases",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ProjectId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    TotalInvestment = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    GovernmentInvested = table.Column<bool>(type: "boolean", nullable: false),
                    GreenChannel = table.Column<bool>(type: "boolean", nullable: false),
                    OwnerUnit = table.Column<string>(type: "text", nullable: false),
                    ExpertReviewRequired = table.Column<bool>(type: "boolean", nullable: false),
                    PreliminaryDesignInPlaceOfFeasibility = table.Column<bool>(type: "boolean", nullable: false),
                    OpenedAtUnixMs = table.Column<long>(type: "bigint", nullable: false),
                    OpenedBy = table.Column<string>(type: "text", nullable: false),
                    CompletedPublished = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_approval_cases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "approval_project_routes",
                columns: table => new
                {
                    ProjectId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    ProjectName = table.Column<string>(type: "text", nullable: false),
                    OwnerUnit = table.Column<string>(type: "text", nullable: false),
                    ResponsibleUnit = table.Column<string>(type: "text", nullable: false),
                    IndustryDepartment = table.Column<string>(type: "text", nullable: false),
                    LeaderInCharge = table.Column<string>(type: "text", nullable: false),
                    UpdatedAtUnixMs = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_approval_project_routes", x => x.ProjectId);
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    Type = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Payload = table.Column<string>(type: "text", nullable: false),
                    OccurredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    TraceParent = table.Column<string>(type: "text", nullable: true),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    LastError = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outbox_messages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "processed_messages",
                columns: table => new
                {
                    MessageId = table.Column<Guid>(type: "uuid", nullable: false),
                    Consumer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ProcessedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_processed_messages", x => new { x.MessageId, x.Consumer });
                });

            migrationBuilder.CreateTable(
                name: "approval_items",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseId = table.Column<string>(type: "character varying(64)", nullable: false),
                    Kind = table.Column<string>(type: "text", nullable: false),
                    DisplayName = table.Column<string>(type: "text", nullable: false),
                    DepartmentsJson = table.Column<string>(type: "text", nullable: false),
                    BaseTimeLimitWorkingDays = table.Column<int>(type: "integer", nullable: false),
                    TimeLimitWorkingDays = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<string>(type: "text", nullable: false),
                    OverdueNotifiedPeriod = table.Column<int>(type: "integer", nullable: false),
                    OverdueOpen = table.Column<bool>(type: "boolean", nullable: false),
                    DueSoonNotifiedPeriod = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_approval_items", x => x.Id);
                    table.ForeignKey(
                        name: "FK_approval_items_approval_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "approval_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "approval_timeline",
                columns: table => new
                {
                    ItemId = table.Column<long>(type: "bigint", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    Action = table.Column<string>(type: "text", nullable: false),
                    FromState = table.Column<string>(type: "text", nullable: false),
                    ToState = table.Column<string>(type: "text", nullable: false),
                    Actor = table.Column<string>(type: "text", nullable: false),
                    DepartmentId = table.Column<string>(type: "text", nullable: true),
                    AtUnixMs = table.Column<long>(type: "bigint", nullable: false),
                    Note = table.Column<string>(type: "text", nullable: true),
                    DocumentsJson = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_approval_timeline", x => new { x.ItemId, x.Sequence });
                    table.ForeignKey(
                        name: "FK_approval_timeline_approval_items_ItemId",
                        column: x => x.ItemId,
                        principalTable: "approval_items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_approval_cases_OpenedAtUnixMs_Id",
                table: "approval_cases",
                columns: new[] { "OpenedAtUnixMs", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_approval_cases_ProjectId",
                table: "approval_cases",
                column: "ProjectId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_approval_items_CaseId_Kind",
                table: "approval_items",
                columns: new[] { "CaseId", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_approval_items_State",
                table: "approval_items",
                column: "State");

            migrationBuilder.CreateIndex(
                name: "IX_outbox_messages_SentAt_Sequence",
                table: "outbox_messages",
                columns: new[] { "SentAt", "Sequence" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "approval_project_routes");

            migrationBuilder.DropTable(
                name: "approval_timeline");

            migrationBuilder.DropTable(
                name: "outbox_messages");

            migrationBuilder.DropTable(
                name: "processed_messages");

            migrationBuilder.DropTable(
                name: "approval_items");

            migrationBuilder.DropTable(
                name: "approval_cases");
        }
    }
}
