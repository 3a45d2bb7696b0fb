using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProjectHub.Registry.Persistence.Migrations.Sqlite
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<string>(type: "TEXT", nullable: false),
                    AtMs = table.Column<long>(type: "INTEGER", nullable: false),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", nullable: false),
                    Action = table.Column<string>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", nullable: false),
                    ChangesJson = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_records", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "baselines",
                columns: table => new
                {
                    ProjectId = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    MilestonesJson = table.Column<string>(type: "TEXT", nullable: false),
                    PlannedStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PlannedCompletion = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CreatedAtMs = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_baselines", x => new { x.ProjectId, x.Version });
                });

            migrationBuilder.CreateTable(
                name: "light_history",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<string>(type: "TEXT", nullable: false),
                    AtMs = table.Column<long>(type: "INTEGER", nullable: false),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    From = table.Column<string>(type: "TEXT", nullable: false),
                    To = table.Column<string>(type: "TEXT", nullable: false),
                    ReasonsJson = table.Column<string>(type: "TEXT", nullable: false),
                    PlannedPercent = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: true),
                    ActualPercent = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: true),
                    LightChanged = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_light_history", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Payload = table.Column<string>(type: "TEXT", nullable: false),
                    OccurredAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    TraceParent = table.Column<string>(type: "TEXT", nullable: true),
                    SentAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outbox_messages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "overdue_approvals",
                columns: table => new
                {
                    ProjectId = table.Column<string>(type: "TEXT", nullable: false),
                    CaseId = table.Column<string>(type: "TEXT", nullable: false),
                    ItemKind = table.Column<string>(type: "TEXT", nullable: false),
                    ItemName = table.Column<string>(type: "TEXT", nullable: false),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_overdue_approvals", x => new { x.ProjectId, x.CaseId, x.ItemKind });
                });

            migrationBuilder.CreateTable(
                name: "processed_messages",
                columns: table => new
                {
                    MessageId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Consumer = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ProcessedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_processed_messages", x => new { x.MessageId, x.Consumer });
                });

            migrationBuilder.CreateTable(
                name: "progress_reports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<string>(type: "TEXT", nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodName = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    IsCurrent = table.Column<bool>(type: "INTEGER", nullable: false),
                    CumulativePercent = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: false),
                    PeriodInvestment = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    CumulativeInvestment = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    Workers = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", nullable: false),
                    ReachedMilestonesJson = table.Column<string>(type: "TEXT", nullable: false),
                    Narrative = table.Column<string>(type: "TEXT", nullable: false),
                    ProblemsJson = table.Column<string>(type: "TEXT", nullable: false),
                    SubmittedAtMs = table.Column<long>(type: "INTEGER", nullable: false),
                    SubmittedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SubmittedBy = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_progress_reports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "projects",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    NationalCode = table.Column<string>(type: "TEXT", nullable: true),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Tier = table.Column<string>(type: "TEXT", nullable: false),
                    Stage = table.Column<string>(type: "TEXT", nullable: false),
                    ExitReason = table.Column<string>(type: "TEXT", nullable: true),
                    Industry = table.Column<string>(type: "TEXT", nullable: false),
                    Locality = table.Column<string>(type: "TEXT", nullable: false),
                    OwnerUnit = table.Column<string>(type: "TEXT", nullable: false),
                    ResponsibleUnit = table.Column<string>(type: "TEXT", nullable: false),
                    IndustryDepartment = table.Column<string>(type: "TEXT", nullable: false),
                    LeaderInCharge = table.Column<string>(type: "TEXT", nullable: false),
                    ResponsiblePerson = table.Column<string>(type: "TEXT", nullable: false),
                    ResponsibleContact = table.Column<string>(type: "TEXT", nullable: false),
                    TotalInvestment = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    YearPlannedInvestment = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    PlannedStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PlannedCompletion = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ActualStart = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    BaselineVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    MilestonesJson = table.Column<string>(type: "TEXT", nullable: false),
                    RegisteredAtMs = table.Column<long>(type: "INTEGER", nullable: false),
                    RegisteredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    UpdatedAtMs = table.Column<long>(type: "INTEGER", nullable: false),
                    ReadyToStartAtMs = table.Column<long>(type: "INTEGER", nullable: true),
                    Light = table.Column<string>(type: "TEXT", nullable: false),
                    LightReasonsJson = table.Column<string>(type: "TEXT", nullable: false),
                    PlannedPercent = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: true),
                    ActualPercent = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: true),
                    LightEvaluatedAtMs = table.Column<long>(type: "INTEGER", nullable: true),
                    RedSince = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_projects", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "resolved_problems",
                columns: table => new
                {
                    EventId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProblemId = table.Column<string>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<string>(type: "TEXT", nullable: false),
                    ResponsibleUnit = table.Column<string>(type: "TEXT", nullable: false),
                    ResolvedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    WorkingDays = table.Column<int>(type: "INTEGER", nullable: false)
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
