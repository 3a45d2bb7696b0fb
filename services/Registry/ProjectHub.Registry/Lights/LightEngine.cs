using Microsoft.EntityFrameworkCore;
using ProjectHub.Contracts.Registry;
using ProjectHub.Domain;
using ProjectHub.Hosting.Messaging;
using ProjectHub.Registry.Domain.Lights;
using ProjectHub.Registry.Domain.Progress;
using ProjectHub.Registry.Persistence;
using ProjectHub.Registry.Projects;

namespace ProjectHub.Registry.Lights;

/// <summary>
/// Re-evaluates one project's light from what is stored and keeps the result: the current light on the project,
/// a history row when the assessment changed (<see cref="LightChange"/>), and a ProjectLightChanged event in the
/// outbox when the colour changed. Reads the database, so callers save their own changes first (inside their
/// transaction) and then call this.
/// </summary>
public sealed class LightEngine(TimeProvider time, LightRules rules)
{
    public async Task<LightChange> EvaluateAsync(RegistryDbContext db, ProjectRow row, CancellationToken ct)
    {
        var inputs = await GatherAsync(db, row, ct);
        return Apply(db, row, inputs, time.Today());
    }

    /// <summary>
    /// Evaluates <paramref name="inputs"/> and writes the result onto <paramref name="row"/>, adding the history row
    /// and the outbox event to <paramref name="db"/> when they are due. The row itself is not attached: a tracked
    /// row is saved by the caller's SaveChanges, an untracked one (the sweep's) must be attached by the caller.
    /// </summary>
    public LightChange Apply(RegistryDbContext db, ProjectRow row, LightInputs inputs, DateOnly today)
    {
        var assessment = LightEvaluator.Evaluate(inputs, rules, today);
        var previousLight = ProjectRowMapping.LightOf(row);
        var previousReasons = ProjectRowMapping.LightReasonsOf(row);
        var change = LightChange.Between(previousLight, previousReasons, assessment);
        var nowMs = time.NowMs();

        row.Light = assessment.Light.ToString();
        row.LightReasonsJson = Json.Write(assessment.Reasons);
        row.PlannedPercent = assessment.PlannedPercent;
        row.ActualPercent = assessment.ActualPercent;
        row.LightEvaluatedAtMs = nowMs;
        row.RedSince = assessment.Light != Light.Red ? null : previousLight == Light.Red ? row.RedSince ?? today : today;

        if (change.ShouldRecord)
        {
            db.LightHistory.Add(new LightHistoryRow
            {
                Id = Guid.NewGuid(),
                ProjectId = row.Id,
                AtMs = nowMs,
                Sequence = Sequence.Next(),
                From = previousLight.ToString(),
                To = assessment.Light.ToString(),
                ReasonsJson = row.LightReasonsJson,
                PlannedPercent = assessment.PlannedPercent,
                ActualPercent = assessment.ActualPercent,
                LightChanged = change.ShouldPublish,
            });
        }

        if (change.ShouldPublish)
        {
            db.AddIntegrationEvent(new ProjectLightChanged(
                Guid.NewGuid(), time.GetUtcNow(), ProjectRowMapping.Routing(row),
                Upper(previousLight), Upper(assessment.Light),
                assessment.Reasons.Select(r => new LightReasonDto(r.Code, Upper(r.Light), r.Message)).ToList(),
                assessment.PlannedPercent, assessment.ActualPercent));
        }

        return change;
    }

    /// <summary>Wire spelling of a light in events: RED, YELLOW, GREEN, NONE.</summary>
    public static string Upper(Light light) => light.ToString().ToUpperInvariant();

    /// <summary>Wire spelling of a stored enum name in events: "UnderConstruction" → "UNDER_CONSTRUCTION".</summary>
    public static string UpperSnake(string pascal) =>
        string.Concat(pascal.Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : c.ToString())).ToUpperInvariant();

    private static async Task<LightInputs> GatherAsync(RegistryDbContext db, ProjectRow row, CancellationToken ct)
    {
        var reports = await db.Reports.AsNoTracking().Where(r => r.ProjectId == row.Id).ToListAsync(ct);
        var overdue = await db.OverdueApprovals.AsNoTracking().Where(o => o.ProjectId == row.Id).ToListAsync(ct);
        return Inputs(
            row,
            reports.Count == 0 ? null : reports.Max(r => r.SubmittedOn),
            reports.Where(r => r.IsCurrent),
            overdue);
    }

    /// <summary>
    /// The light rules' inputs from what is stored. <paramref name="currentReports"/> are the project's current
    /// report versions (any order; only PeriodStart, State, CumulativePercent and ReachedMilestonesJson are read);
    /// <paramref name="lastReportOn"/> is the latest submission day over all its versions.
    /// </summary>
    public static LightInputs Inputs(
        ProjectRow row, DateOnly? lastReportOn, IEnumerable<ReportRow> currentReports, IEnumerable<OverdueApprovalRow> overdue)
    {
        var current = currentReports.OrderByDescending(r => r.PeriodStart).ToList();

        // The unbroken run of SUSPENDED reports ending at the latest period.
        var suspendedRun = current.TakeWhile(r => r.State == nameof(ConstructionState.Suspended)).ToList();

        return new LightInputs
        {
            Stage = ProjectRowMapping.Stage(row),
            Schedule = ProjectRowMapping.Schedule(row),
            RegisteredOn = row.RegisteredOn,
            ActualStart = row.ActualStart,
            LastReportOn = lastReportOn,
            ReportedPercent = current.Count == 0 ? null : current[0].CumulativePercent,
            SuspendedSince = suspendedRun.Count == 0 ? null : suspendedRun[^1].PeriodStart,
            ReachedMilestones = current
                .SelectMany(r => Json.Read<List<MilestoneReached>>(r.ReachedMilestonesJson))
                .Select(m => m.Name)
                .ToHashSet(StringComparer.Ordinal),
            OpenApprovals = overdue.Select(o => new ApprovalDue(o.ItemName, o.DueDate)).ToList(),
        };
    }
}
