using Microsoft.EntityFrameworkCore;
using ProjectHub.Contracts.Registry;
using ProjectHub.Grpc;
using ProjectHub.Hosting.Messaging;
using ProjectHub.Registry.Common;
using ProjectHub.Registry.Domain.Progress;
using ProjectHub.Registry.Domain.Projects;
using ProjectHub.Registry.Lights;
using ProjectHub.Registry.Persistence;
using ProjectHub.Registry.Projects;
using ProjectHub.Security;
using V1 = ProjectHub.Registry.V1;

namespace ProjectHub.Registry.Reports;

/// <summary>
/// Stores an owner's report for a period: a new period gets version 1; a different report for a reported period
/// becomes the next version and the old one stays as history; the identical report changes nothing. Then the
/// light is re-evaluated and returned.
/// </summary>
public sealed class SubmitProgressReport(
    RegistryDbContext db, LightEngine lights, TimeProvider time, ReportCadence cadence)
{
    public async Task<V1.SubmitProgressReportResponse> HandleAsync(V1.SubmitProgressReportRequest request, Caller caller, CancellationToken ct)
    {
        RegistryAccess.RequireReportAtAll(caller);
        var actor = CallActor.Of(caller);
        var v = new Violations();
        if (request.Report is null)
        {
            v.Add("report", "Required: the report.");
            v.ThrowIfAny();
        }

        var report = ReportMapping.ToDomain(request.Report!, v);
        v.ThrowIfAny();
        var row = await ProjectStore.FindAsync(db, request.Report!.ProjectId, ct);
        RegistryAccess.RequireReport(caller, row);
        if (ProjectMapping.Stage(row) is not (ProjectStage.PreConstruction or ProjectStage.UnderConstruction))
        {
            throw RpcException.FailedPrecondition("NOT_REPORTING",
                $"Project {row.Id} is {row.Stage}; only projects in PRE_CONSTRUCTION or UNDER_CONSTRUCTION report progress.");
        }

        var today = time.Today();
        v.AddRange(ProgressReportValidator.Validate(report, ProjectMapping.Schedule(row), cadence, today), "report.");
        v.ThrowIfAny();

        var outline = await ReportOutline.LoadAsync(db, row.Id, ct);
        var period = outline.Where(r => r.PeriodStart == report.Period.Start).ToList();
        var currentId = period.Where(r => r.IsCurrent).Select(r => (Guid?)r.Id).FirstOrDefault();
        // The full current version only when the period was reported before (to compare, and to make it history).
        var current = currentId is { } id ? await db.Reports.FirstAsync(r => r.Id == id, ct) : null;
        var kind = ReportSubmission.Classify(current is null ? null : ReportMapping.ToDomain(current), report);
        if (kind == SubmissionKind.Identical)
        {
            return Response(current!, V1.SubmissionOutcome.Unchanged, row);
        }

        var overdue = await db.OverdueApprovals.AsNoTracking().Where(o => o.ProjectId == row.Id).ToListAsync(ct);
        var nowMs = time.NowMs();
        if (current is not null)
        {
            current.IsCurrent = false;
        }

        var stored = new ReportRow
        {
            Id = Guid.NewGuid(),
            ProjectId = row.Id,
            PeriodStart = report.Period.Start,
            PeriodEnd = report.Period.End,
            PeriodName = cadence.Name(report.Period),
            Version = (period.Count == 0 ? 0 : period.Max(r => r.Version)) + 1,
            IsCurrent = true,
            CumulativePercent = report.CumulativePercent,
            PeriodInvestment = report.PeriodInvestment,
            CumulativeInvestment = report.CumulativeInvestment,
            Workers = report.Workers,
            State = report.State.ToString(),
            ReachedMilestonesJson = Json.Write(report.ReachedMilestones),
            Narrative = report.Narrative,
            ProblemsJson = Json.Write(report.Problems),
            SubmittedAtMs = nowMs,
            SubmittedOn = today,
            SubmittedBy = actor,
        };
        db.Reports.Add(stored);
        var replaced = kind == SubmissionKind.Replaces;
        ProjectStore.Audit(db, row.Id, nowMs, actor, replaced ? "REPORT_REPLACED" : "REPORT_SUBMITTED", "",
            [$"report {stored.PeriodName} version {stored.Version}: {stored.CumulativePercent} % cumulative, {stored.State}"]);
        db.AddIntegrationEvent(new ProgressReported(
            Guid.NewGuid(), time.GetUtcNow(), ProjectMapping.Routing(row), stored.PeriodName, stored.Version,
            report.CumulativePercent, report.PeriodInvestment, report.CumulativeInvestment,
            LightEngine.UpperSnake(stored.State), report.Problems, actor));

        // The light from what is stored once this report is in, computed here instead of read back after a first
        // save: the same inputs, one SaveChanges (one transaction) for the report, audit, light and events.
        var afterwards = outline.Where(r => r.IsCurrent && r.Id != currentId).Append(stored).ToList();
        var inputs = LightEngine.Inputs(row, afterwards.Concat(outline).Max(r => r.SubmittedOn), afterwards, overdue);
        lights.Apply(db, row, inputs, today);
        await db.SaveChangesAsync(ct);
        return Response(stored, replaced ? V1.SubmissionOutcome.Replaced : V1.SubmissionOutcome.New, row);
    }

    private static V1.SubmitProgressReportResponse Response(ReportRow report, V1.SubmissionOutcome outcome, ProjectRow project) => new()
    {
        Report = ReportMapping.ToWire(report),
        Outcome = outcome,
        Light = ProjectMapping.LightStatus(project),
    };
}
