using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProjectHub.Registry.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Baseline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "audit_records",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProjectId = table.Column<string>(type: "text", nullable: false),
                    AtMs = table.Column<long>(type: "bigint", nullable: false),
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    Actor = table.Column<string>(type: "text", nullable: false),
                    Action = table.Column<string>(type: "text", nullable: false),
                    Reason = table.Column<string>(type: "text", nullable: false),
                    ChangesJson = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_records", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "baselines",
                columns: table => new
                {
                    ProjectId = table.Column<string>(type: "text", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    MilestonesJson = table.Column<string>(type: "text", nullable: false),
                    PlannedStart = table.Column<DateOnly>(type: "date", nullable: false),
                    PlannedCompletion = table.Column<DateOnly>(type: "date", nullable: false),
                    CreatedAtMs = table.Column<long>(type: "bigint", nullable: false),
                    CreatedBy = table.Column<string>(type: "text", nullable: false),
                    Reason = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_baselines", x => new { x.ProjectId, x.Version });
                });

            migrationBuilder.CreateTable(
                name: "light_history",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProjectId = table.Column<string>(type: "text", nullable: false),
                    AtMs = table.Column<long>(type: "bigint", nullable: false),
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    From = table.Column<string>(type: "text", nullable: false),
                    To = table.Column<string>(type: "text", nullable: false),
                    ReasonsJson = table.Column<string>(type: "text", nullable: false),
                    PlannedPercent = table.Column<decimal>(type: "numeric(9,4)", precision: 9, scale: 4, nullable: true),
                    ActualPercent = table.Column<decimal>(type: "numeric(9,4)", precision: 9, scale: 4, nullable: true),
                    LightChanged = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_light_history", x => x.Id);
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
                name: "overdue_approvals",
                columns: table => new
                {
                    ProjectId = table.Column<string>(type: "text", nullable: false),
                    CaseId = table.Column<string>(type: "text", nullable: false),
                    ItemKind = table.Column<string>(type: "text", nullable: false),
                    ItemName = table.Column<string>(type: "text", nullable: false),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_overdue_approvals", x => new { x.ProjectId, x.CaseId, x.ItemKind });
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
                name: "progress_reports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProjectId = table.Column<string>(type: "text", nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodName = table.Column<string>(type: "text", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    IsCurrent = table.Column<bool>(type: "boolean", nullable: false),
                    CumulativePercent = table.Column<decimal>(type: "numeric(9,4)", precision: 9, scale: 4, nullable: false),
                    PeriodInvestment = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    CumulativeInvestment = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    Workers = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<string>(type: "text", nullable: false),
                    ReachedMilestonesJson = table.Column<string>(type: "text", nullable: false),
                    Narrative = table.Column<string>(type: "text", nullable: false),
                    ProblemsJson = table.Column<string>(type: "text", nullable: false),
                    SubmittedAtMs = table.Column<long>(type: "bigint", nullable: false),
                    SubmittedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    SubmittedBy = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_progress_reports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "projects",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    NationalCode = table.Column<string>(type: "text", nullable: true),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Tier = table.Column<string>(type: "text", nullable: false),
                    Stage = table.Column<string>(type: "text", nullable: false),
                    ExitReason = table.Column<string>(type: "text", nullable: true),
                    Industry = table.Column<string>(type: "text", nullable: false),
                    Locality = table.Column<string>(type: "text", nullable: false),
                    OwnerUnit = table.Column<string>(type: "text", nullable: false),
                    ResponsibleUnit = table.Column<string>(type: "text", nullable: false),
                    IndustryDepartment = table.Column<string>(type: "text", nullable: false),
                    LeaderInCharge = table.Column<string>(type: "text", nullable: false),
                    ResponsiblePerson = table.Column<string>(type: "text", nullable: false),
                    ResponsibleContact = table.Column<string>(type: "text", nullable: false),
                    TotalInvestment = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    YearPlannedInvestment = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    PlannedStart = table.Column<DateOnly>(type: "date", nullable: false),
                    PlannedCompletion = table.Column<DateOnly>(type: "date", nullable: false),
                    ActualStart = table.Column<DateOnly>(type: "date", nullable: true),
                    BaselineVersion = table.Column<int>(type: "integer", nullable: false),
                    MilestonesJson = table.Column<string>(type: "text", nullable: false),
                    RegisteredAtMs = table.Column<long>(type: "bigint", nullable: false),
                    RegisteredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    UpdatedAtMs = table.Column<long>(type: "bigint", nullable: false),
                    ReadyToStartAtMs = table.Column<long>(type: "bigint", nullable: true),
                    Light = table.Column<string>(type: "text", nullable: false),
                    LightReasonsJson = table.Column<string>(type: "text", nullable: false),
                    PlannedPercent = table.Column<decimal>(type: "numeric(9,4)", precision: 9, scale: 4, nullable: true),
                    ActualPercent = table.Column<decimal>(type: "numeric(9,4)", precision: 9, scale: 4, nullable: true),
                    LightEvaluatedAtMs = table.Column<long>(type: "bigint", nullable: true),
                    RedSince = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_projects", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "resolved_problems",
                columns: table => new
                {
                    EventId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProblemId = table.Column<string>(type: "text", nullable: false),
                    ProjectId = table.Column<string>(type: "text", nullable: false),
                    ResponsibleUnit = table.Column<string>(type: "text", nullable: false),
                    ResolvedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    WorkingDays = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_resolved_problems", x => x.EventId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_audit_records_ProjectId_Sequence",
                table: "audit_records",
                columns: new[] { "ProjectId", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_light_history_ProjectId_Sequence",
                table: "light_history",
                columns: new[] { "ProjectId", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_outbox_messages_SentAt_Sequence",
                table: "outbox_messages",
                columns: new[] { "SentAt", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_progress_reports_Period",
                table: "progress_reports",
                columns: new[] { "PeriodStart", "IsCurrent", "ProjectId", "PeriodInvestment" });

            migrationBuilder.CreateIndex(
                name: "IX_progress_reports_ProjectId_PeriodStart_Version",
                table: "progress_reports",
                columns: new[] { "ProjectId", "PeriodStart", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_projects_Board",
                table: "projects",
                columns: new[] { "IndustryDepartment", "Locality", "LeaderInCharge", "Tier", "Light", "Stage", "TotalInvestment", "YearPlannedInvestment" });

            migrationBuilder.CreateIndex(
                name: "IX_projects_Department_Light_Page",
                table: "projects",
                columns: new[] { "IndustryDepartment", "Light", "RegisteredAtMs", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_projects_Department_Page",
                table: "projects",
                columns: new[] { "IndustryDepartment", "RegisteredAtMs", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_projects_Leader_Page",
                table: "projects",
                columns: new[] { "LeaderInCharge", "RegisteredAtMs", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_projects_Light_Page",
                table: "projects",
                columns: new[] { "Light", "RegisteredAtMs", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_projects_OwnerUnit",
                table: "projects",
                column: "OwnerUnit");

            migrationBuilder.CreateIndex(
                name: "IX_projects_RegisteredAtMs_Id",
                table: "projects",
                columns: new[] { "RegisteredAtMs", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_projects_ResponsibleUnit",
                table: "projects",
                column: "ResponsibleUnit");

            migrationBuilder.CreateIndex(
                name: "IX_resolved_problems_ResponsibleUnit_ResolvedOn",
                table: "resolved_problems",
                columns: new[] { "ResponsibleUnit", "ResolvedOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit_records");

            migrationBuilder.DropTable(
                name: "baselines");

            migrationBuilder.DropTable(
                name: "light_history");

            migrationBuilder.DropTable(
                name: "outbox_messages");

            migrationBuilder.DropTable(
                name: "overdue_approvals");

            migrationBuilder.DropTable(
                name: "processed_messages");

            migrationBuilder.DropTable(
                name: "progress_reports");

            migrationBuilder.DropTable(
                name: "projects");

            migrationBuilder.DropTable(
                name: "resolved_problems");
        }
    }
}
