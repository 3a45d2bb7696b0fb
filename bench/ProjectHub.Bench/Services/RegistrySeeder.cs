using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using ProjectHub.Hosting.Database;
using ProjectHub.Registry.Domain.Lights;
using ProjectHub.Registry.Domain.Progress;
using ProjectHub.Registry.Domain.Projects;
using ProjectHub.Registry.Persistence;

namespace ProjectHub.Bench.Services;

/// <summary>
/// Writes projects straight into a registry database through the registry's own <see cref="RegistryDbContext"/>
/// (its model, its JSON spelling), in batches: registering 100,000 projects over gRPC would take longer than the
/// figures themselves. The schema is created by the same migrations the host applies at start-up.
/// </summary>
public static class RegistrySeeder
{
    private const int Batch = 2000;

    private static readonly string[] Departments = ["住建局", "交通局", "水利局", "教育局", "卫健委", "文旅局", "工信局", "城管局", "农业农村局", "生态环境局"];
    private static readonly string[] Localities = ["滨江区", "上城区", "西湖区", "拱墅区", "萧山区", "余杭区", "临平区", "钱塘区"];
    private static readonly string[] Leaders = ["王副市长", "张副市长", "李副市长", "赵副市长", "陈副市长", "刘副市长"];

    // The provider's own context (RegistrySqliteDbContext / RegistryPostgresDbContext), as the host registers it, so
    // the schema comes from the same migrations the host applies.
    public static DbContextOptions Sqlite(string directory) =>
        new DbContextOptionsBuilder<RegistrySqliteDbContext>().UseSqlite($"Data Source={Path.Combine(directory, "registry.db")}").Options;

    public static DbContextOptions Postgres(string connectionString) =>
        new DbContextOptionsBuilder<RegistryPostgresDbContext>().UseNpgsql(connectionString).Options;

    private static RegistryDbContext Open(DbContextOptions options) => options switch
    {
        DbContextOptions<RegistrySqliteDbContext> sqlite => new RegistrySqliteDbContext(sqlite),
        DbContextOptions<RegistryPostgresDbContext> postgres => new RegistryPostgresDbContext(postgres),
        _ => throw new ArgumentException("options of RegistrySqliteDbContext or RegistryPostgresDbContext expected", nameof(options)),
    };

    /// <summary>Today in Asia/Shanghai, the services' business date.</summary>
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    /// <summary>
    /// <paramref name="count"/> projects shaped like <see cref="Lights.LightsWorkload"/> (mostly under construction,
    /// four-milestone baselines, one current report each, some lagging, silent, suspended or with overdue approvals),
    /// with the light already evaluated today the way the registry stores it: what the daily sweep finds.
    /// Returns seconds taken.
    /// </summary>
    public static async Task<double> SeedPopulationAsync(DbContextOptions options, int count)
    {
        var clock = Stopwatch.StartNew();
        var today = Today;
        var random = new Random(20261120);
        var registeredMs = DateTimeOffset.UtcNow.AddDays(-30).ToUnixTimeMilliseconds();
        await CreateSchemaAsync(options);
        for (var first = 0; first < count; first += Batch)
        {
            await using var db = Open(options);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = first; i < Math.Min(count, first + Batch); i++)
            {
                AddPopulationProject(db, i, random, today, registeredMs + i);
            }

            await db.SaveChangesAsync();
        }

        return clock.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// <paramref name="count"/> projects under construction since about two years, with no reports and no light yet:
    /// the ingestion figure then submits one report per project and week, each a real insert.
    /// </summary>
    public static async Task SeedReportingProjectsAsync(DbContextOptions options, int count, DateOnly plannedStart)
    {
        await CreateSchemaAsync(options);
        var today = Today;
        var registeredMs = DateTimeOffset.UtcNow.AddDays(-30).ToUnixTimeMilliseconds();
        for (var first = 0; first < count; first += Batch)
        {
            await using var db = Open(options);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = first; i < Math.Min(count, first + Batch); i++)
            {
                var completion = today.AddDays(400);
                var milestones = Milestones(plannedStart, completion);
                var row = Row(i, "ingest", plannedStart, completion, milestones, ProjectStage.UnderConstruction, registeredMs + i);
                row.ActualStart = plannedStart;
                db.Projects.Add(row);
                db.Baselines.Add(BaselineOf(row));
            }

            await db.SaveChangesAsync();
        }
    }

    private static async Task CreateSchemaAsync(DbContextOptions options)
    {
        await using var db = Open(options);
        await DatabaseMigrator.MigrateAsync(db, CancellationToken.None);
    }

    private static void AddPopulationProject(RegistryDbContext db, int i, Random random, DateOnly today, long registeredMs)
    {
        var start = today.AddDays(-random.Next(30, 900));
        var completion = start.AddDays(random.Next(400, 1500));
        var milestones = Milestones(start, completion);
        var schedule = new ProjectSchedule(start, completion, new Baseline(milestones));
        var stage = random.Next(10) switch
        {
            0 => ProjectStage.PreConstruction,
            1 => ProjectStage.Reserve,
            _ => ProjectStage.UnderConstruction,
        };
        var row = Row(i, "pop", start, completion, milestones, stage, registeredMs);
        db.Projects.Add(row);
        db.Baselines.Add(BaselineOf(row));

        ReportRow? report = null;
        if (stage == ProjectStage.UnderConstruction)
        {
            row.ActualStart = start.AddDays(random.Next(0, 20));
            var planned = schedule.PlannedPercentOn(today);
            // One in ten lags badly or has gone quiet; one in twenty is suspended; the rest are near plan.
            var reported = Math.Clamp(planned - (random.Next(10) == 0 ? random.Next(30, 50) : random.Next(-5, 12)), 0m, 100m);
            var submittedOn = today.AddDays(-(random.Next(10) == 0 ? random.Next(8, 40) : random.Next(0, 7)));
            var period = ReportCadence.Weekly.PeriodContaining(submittedOn);
            var reached = milestones.Where(m => m.CumulativePercent <= reported).Select(m => new MilestoneReached(m.Name, m.PlannedDate <= today ? m.PlannedDate : today)).ToList();
            report = new ReportRow
            {
                Id = Guid.NewGuid(),
                ProjectId = row.Id,
                PeriodStart = period.Start,
                PeriodEnd = period.End,
                PeriodName = ReportCadence.Weekly.Name(period),
                Version = 1,
                IsCurrent = true,
                CumulativePercent = reported,
                PeriodInvestment = 100m,
                CumulativeInvestment = 100m + reported * 10m,
                Workers = random.Next(20, 400),
                State = random.Next(20) == 0 ? nameof(ConstructionState.Suspended) : nameof(ConstructionState.Normal),
                ReachedMilestonesJson = Json.Write(reached),
                Narrative = "按计划推进",
                ProblemsJson = "[]",
                SubmittedAtMs = registeredMs,
                SubmittedOn = submittedOn,
                SubmittedBy = "bench",
            };
            db.Reports.Add(report);
        }

        OverdueApprovalRow? overdue = null;
        if (random.Next(8) == 0)
        {
            overdue = new OverdueApprovalRow
            {
                ProjectId = row.Id, CaseId = "case-" + row.Id, ItemKind = "CONSTRUCTION_PERMIT", ItemName = "施工许可",
                DueDate = today.AddDays(random.Next(-20, 20)),
            };
            db.OverdueApprovals.Add(overdue);
        }

        // The inputs the registry's LightEngine gathers from these rows, evaluated as the engine would today.
        var inputs = new LightInputs
        {
            Stage = stage,
            Schedule = schedule,
            RegisteredOn = row.RegisteredOn,
            ActualStart = row.ActualStart,
            LastReportOn = report?.SubmittedOn,
            ReportedPercent = report?.CumulativePercent,
            SuspendedSince = report?.State == nameof(ConstructionState.Suspended) ? report.PeriodStart : null,
            ReachedMilestones = report is null ? [] : Json.Read<List<MilestoneReached>>(report.ReachedMilestonesJson).Select(m => m.Name).ToHashSet(StringComparer.Ordinal),
            OpenApprovals = overdue is null ? [] : [new ApprovalDue(overdue.ItemName, overdue.DueDate)],
        };
        var assessment = LightEvaluator.Evaluate(inputs, LightRules.Default, today);
        row.Light = assessment.Light.ToString();
        row.LightReasonsJson = Json.Write(assessment.Reasons);
        row.PlannedPercent = assessment.PlannedPercent;
        row.ActualPercent = assessment.ActualPercent;
        row.LightEvaluatedAtMs = registeredMs;
        row.RedSince = assessment.Light == Light.Red ? today : null;
    }

    private static List<Milestone> Milestones(DateOnly start, DateOnly completion)
    {
        var span = completion.DayNumber - start.DayNumber;
        return
        [
            new("开工", start.AddDays(span / 10), 5m),
            new("主体施工", start.AddDays(span * 4 / 10), 40m),
            new("主体封顶", start.AddDays(span * 7 / 10), 75m),
            new("竣工验收", completion, 100m),
        ];
    }

    private static ProjectRow Row(int i, string prefix, DateOnly start, DateOnly completion, List<Milestone> milestones, ProjectStage stage, long registeredMs)
    {
        var unit = $"城投{i % 50:D2}公司";
        return new ProjectRow
        {
            Id = $"bench-{prefix}-{i:D6}",
            Name = $"基准测试项目{i}",
            Tier = ((ProjectTier)(i % 4)).ToString(),
            Stage = stage.ToString(),
            Industry = "交通",
            Locality = Localities[i % Localities.Length],
            OwnerUnit = unit,
            ResponsibleUnit = unit,
            IndustryDepartment = Departments[i % Departments.Length],
            LeaderInCharge = Leaders[i % Leaders.Length],
            ResponsiblePerson = "李工",
            ResponsibleContact = "13800000000",
            TotalInvestment = 10000m + i % 997,
            YearPlannedInvestment = 2000m + i % 311,
            PlannedStart = start,
            PlannedCompletion = completion,
            BaselineVersion = 1,
            MilestonesJson = Json.Write(milestones),
            RegisteredAtMs = registeredMs,
            RegisteredOn = start.AddDays(-60),
            UpdatedAtMs = registeredMs,
        };
    }

    private static BaselineRow BaselineOf(ProjectRow row) => new()
    {
        ProjectId = row.Id,
        Version = 1,
        MilestonesJson = row.MilestonesJson,
        PlannedStart = row.PlannedStart,
        PlannedCompletion = row.PlannedCompletion,
        CreatedAtMs = row.RegisteredAtMs,
        CreatedBy = "bench",
        Reason = "seeded by the benchmark",
    };
}
