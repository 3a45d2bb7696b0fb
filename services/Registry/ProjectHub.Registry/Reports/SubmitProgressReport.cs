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
    RegistryDbContext db, UnitOfWork work, LightEngine lights, TimeProvider time, ReportCadence cadence)
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

        var versions = await db.Reports
            .Where(r => r.ProjectId == row.Id && r.PeriodStart == report.Period.Start)
            .OrderByDescending(r => r.Version)
            .ToListAsync(ct);
        var current = versions.FirstOrDefault(r => r.IsCurrent);
        var kind = ReportSubmission.Classify(current is null ? null : ReportMapping.ToDomain(current), report);
        if (kind == SubmissionKind.Identical)
        {
            return Response(current!, V1.SubmissionOutcome.Unchanged, row);
        }

        return await work.RunAsync(async () =>
        {
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
                Version = (versions.Count == 0 ? 0 : versions[0].Version) + 1,
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
            await db.SaveChangesAsync(ct);
            await lights.EvaluateAsync(db, row, ct);
            return Response(stored, replaced ? V1.SubmissionOutcome.Replaced : V1.SubmissionOutcome.New, row);
        }, ct);
    }

    private static V1.SubmitProgressReportResponse Response(ReportRow report, V1.SubmissionOutcome outcome, ProjectRow project) => new()
    {
        Report = ReportMapping.ToWire(report),
        Outcome = outcome,
        Light = ProjectMapping.LightStatus(project),
    };
}
