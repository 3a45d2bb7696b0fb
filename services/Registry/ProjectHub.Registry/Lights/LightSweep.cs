using Microsoft.EntityFrameworkCore;
using ProjectHub.Domain;
using ProjectHub.Registry.Domain.Lights;
using ProjectHub.Registry.Persistence;

namespace ProjectHub.Registry.Lights;

/// <summary>Result of re-evaluating every project.</summary>
public sealed record SweepResult(int Evaluated, int Changed, LightCounts Lights);

/// <summary>
/// Re-evaluates every project: time passing alone makes projects stale (no report, start passed, milestone
/// overdue). Walks the projects in id order, <see cref="BatchSize"/> at a time, reading only the columns the rules
/// need, untracked, so memory and time stay linear in the number of projects. Each batch is one transaction: the
/// light columns of the projects whose assessment moved, their history rows and ProjectLightChanged events, and
/// the evaluation instant of the rest. A failure loses at most the batch it happened in.
/// </summary>
public sealed class LightSweep(RegistryDbContext db, LightEngine engine, TimeProvider time)
{
    /// <summary>Small enough to keep a batch's write lock (SQLite) short, large enough to amortise the round trips.</summary>
    public const int BatchSize = 1000;

    public async Task<SweepResult> RunAsync(CancellationToken ct)
    {
        int evaluated = 0, changed = 0;
        var counts = new LightCounts();
        string? after = null;
        while (true)
        {
            var batch = await SweepBatchAsync(after, ct);
            if (batch is null)
            {
                break;
            }

            evaluated += batch.Evaluated;
            changed += batch.Changed;
            counts = Sum(counts, batch.Lights);
            after = batch.LastId;
        }

        return new SweepResult(evaluated, changed, counts);
    }

    private sealed record Batch(string LastId, int Evaluated, int Changed, LightCounts Lights);

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Globalization", "CA1309", Justification = "EF Core translates string.Compare to SQL comparison of ids (ASCII), which is the keyset order; it has no translation for an ordinal overload.")]
    private async Task<Batch?> SweepBatchAsync(string? after, CancellationToken ct)
    {
        // Read inside the transaction: on SQLite it holds the write lock, so no report can change a project
        // between its evaluation and the write of the result.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var rows = await LoadProjectsAsync(after, ct);
        if (rows.Count == 0)
        {
            return null;
        }

        var first = rows[0].Id;
        var last = rows[^1].Id;
        var reports = db.Reports.AsNoTracking()
            .Where(r => string.Compare(r.ProjectId, first) >= 0 && string.Compare(r.ProjectId, last) <= 0);
        var current = (await reports.Where(r => r.IsCurrent)
                .Select(r => new ReportRow
                {
                    ProjectId = r.ProjectId,
                    PeriodStart = r.PeriodStart,
                    State = r.State,
                    CumulativePercent = r.CumulativePercent,
                    ReachedMilestonesJson = r.ReachedMilestonesJson,
                })
                .ToListAsync(ct))
            .ToLookup(r => r.ProjectId, StringComparer.Ordinal);
        var lastReportOn = await reports.GroupBy(r => r.ProjectId)
            .Select(g => new { ProjectId = g.Key, On = g.Max(r => r.SubmittedOn) })
            .ToDictionaryAsync(x => x.ProjectId, x => x.On, StringComparer.Ordinal, ct);
        var overdue = (await db.OverdueApprovals.AsNoTracking()
                .Where(o => string.Compare(o.ProjectId, first) >= 0 && string.Compare(o.ProjectId, last) <= 0)
                .Select(o => new OverdueApprovalRow { ProjectId = o.ProjectId, ItemName = o.ItemName, DueDate = o.DueDate })
                .ToListAsync(ct))
            .ToLookup(o => o.ProjectId, StringComparer.Ordinal);

        var today = time.Today();
        int changed = 0;
        var counts = new LightCounts();
        var untouched = new List<string>();
        foreach (var row in rows)
        {
            var before = LightState.Of(row);
            var inputs = LightEngine.Inputs(row, lastReportOn.TryGetValue(row.Id, out var on) ? on : null, current[row.Id], overdue[row.Id]);
            var change = engine.Apply(db, row, inputs, today);
            changed += change.ShouldPublish ? 1 : 0;
            counts = counts.Add(Enum.Parse<Light>(row.Light));
            if (before == LightState.Of(row))
            {
                untouched.Add(row.Id);
            }
            else
            {
                MarkLightModified(row);
            }
        }

        // The projects whose assessment did not move only get their evaluation instant, in one statement.
        var evaluatedAt = rows[^1].LightEvaluatedAtMs;
        if (untouched.Count > 0)
        {
            await db.Projects.Where(p => untouched.Contains(p.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.LightEvaluatedAtMs, evaluatedAt), ct);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return new Batch(last, rows.Count, changed, counts);
    }

    /// <summary>The next batch in id order, with only what the rules, the stored light and the event's routing need.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Globalization", "CA1309", Justification = "EF Core translates string.Compare to SQL comparison of ids (ASCII), which is the keyset order; it has no translation for an ordinal overload.")]
    private Task<List<ProjectRow>> LoadProjectsAsync(string? after, CancellationToken ct)
    {
        var query = db.Projects.AsNoTracking();
        if (after is not null)
        {
            query = query.Where(p => string.Compare(p.Id, after) > 0);
        }

        return query.OrderBy(p => p.Id).Take(BatchSize).Select(p => new ProjectRow
        {
            Id = p.Id,
            Name = p.Name,
            Stage = p.Stage,
            Locality = p.Locality,
            OwnerUnit = p.OwnerUnit,
            ResponsibleUnit = p.ResponsibleUnit,
            IndustryDepartment = p.IndustryDepartment,
            LeaderInCharge = p.LeaderInCharge,
            PlannedStart = p.PlannedStart,
            PlannedCompletion = p.PlannedCompletion,
            ActualStart = p.ActualStart,
            MilestonesJson = p.MilestonesJson,
            RegisteredOn = p.RegisteredOn,
            Light = p.Light,
            LightReasonsJson = p.LightReasonsJson,
            PlannedPercent = p.PlannedPercent,
            ActualPercent = p.ActualPercent,
            LightEvaluatedAtMs = p.LightEvaluatedAtMs,
            RedSince = p.RedSince,
        }).ToListAsync(ct);
    }

    /// <summary>Attaches the partly loaded row so that only the light columns are written.</summary>
    private void MarkLightModified(ProjectRow row)
    {
        var entry = db.Projects.Attach(row);
        entry.Property(p => p.Light).IsModified = true;
        entry.Property(p => p.LightReasonsJson).IsModified = true;
        entry.Property(p => p.PlannedPercent).IsModified = true;
        entry.Property(p => p.ActualPercent).IsModified = true;
        entry.Property(p => p.LightEvaluatedAtMs).IsModified = true;
        entry.Property(p => p.RedSince).IsModified = true;
    }

    private static LightCounts Sum(LightCounts a, LightCounts b) =>
        new(a.Red + b.Red, a.Yellow + b.Yellow, a.Green + b.Green, a.Unlit + b.Unlit);

    /// <summary>The stored light columns but the evaluation instant: equal means nothing but the instant to write.</summary>
    private readonly record struct LightState(string Light, string ReasonsJson, decimal? Planned, decimal? Actual, DateOnly? RedSince)
    {
        public static LightState Of(ProjectRow row) =>
            new(row.Light, row.LightReasonsJson, row.PlannedPercent, row.ActualPercent, row.RedSince);
    }
}
