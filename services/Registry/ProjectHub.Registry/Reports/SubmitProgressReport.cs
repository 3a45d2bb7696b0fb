using ProjectHub.Registry.Domain;
using Microsoft.EntityFrameworkCore;
using ProjectHub.Contracts.Registry;
using ProjectHub.Domain;
using ProjectHub.Hosting.Messaging;
using ProjectHub.Hosting.Observability;
using ProjectHub.Registry.Access;
using ProjectHub.Registry.Domain.Progress;
using ProjectHub.Registry.Domain.Projects;
using ProjectHub.Registry.Lights;
using ProjectHub.Registry.Persistence;
using ProjectHub.Registry.Projects;
using ProjectHub.Security;

namespace ProjectHub.Registry.Reports;

/// <summary>
/// A submission as read from the request: the project it is for, the report (null when the request had none),
/// every field of it that could not be read, and the milestones a replacement withdraws.
/// </summary>
public sealed record SubmitProgressReportCommand(
    string ProjectId, ProgressReport? Report, Violations ParseViolations, IReadOnlyList<string> WithdrawnMilestones);

/// <summary>What a submission stored (or found identical), the project with its light afterwards, and the
/// milestones kept from the replaced version that the submission left out.</summary>
public sealed record SubmissionResult(ReportRow Report, SubmissionKind Kind, ProjectRow Project, IReadOnlyList<MilestoneReached> Kept);

/// <summary>
/// Stores an owner's report for a period: a new period gets version 1; a different report for a reported period
/// becomes the next version and the old one stays as history, keeping the milestones the old one reached unless
/// withdrawn (<see cref="MilestoneCarryForward"/>); the identical report changes nothing. Then the light is
/// re-evaluated and returned.
/// </summary>
public sealed class SubmitProgressReport(
    RegistryDbContext db, LightEngine lights, TimeProvider time, ReportCadence cadence)
{
    public async Task<SubmissionResult> HandleAsync(SubmitProgressReportCommand command, Caller caller, CancellationToken ct)
    {
        RegistryAccess.RequireReportAtAll(caller);
        var actor = CallActor.Of(caller);
        var v = new Violations();
        if (command.Report is null)
        {
            v.Add("report", "必填：进度报告。");
            v.ThrowIfAny();
        }

        var submitted = command.Report!;
        v.AddRange(command.ParseViolations.Items);
        v.ThrowIfAny();
        var row = await ProjectStore.FindAsync(db, command.ProjectId, ct);
        RegistryAccess.RequireReport(caller, row);
        if (ProjectRowMapping.Stage(row) is not (ProjectStage.PreConstruction or ProjectStage.UnderConstruction))
        {
            throw DomainException.Precondition("NOT_REPORTING",
                $"项目 {row.Id} 当前为{RegistryTexts.Stage(row.Stage)}阶段；只有{RegistryTexts.Stage(ProjectStage.PreConstruction)}和{RegistryTexts.Stage(ProjectStage.UnderConstruction)}阶段的项目填报进度。");
        }

        var today = time.Today();
        // Spans around the steps that are not a database call, so a trace shows where a report's time goes (bench 2b).
        using (ProjectHubMetrics.ActivitySource.StartActivity("validate report"))
        {
            v.AddRange(ProgressReportValidator.Validate(submitted, ProjectRowMapping.Schedule(row), cadence, today), "report.");
        }

        v.ThrowIfAny();

        var outline = await ReportOutline.LoadAsync(db, row.Id, ct);
        var period = outline.Where(r => r.PeriodStart == submitted.Period.Start).ToList();
        var currentId = period.Where(r => r.IsCurrent).Select(r => (Guid?)r.Id).FirstOrDefault();
        // The full current version only when the period was reported before (to compare, and to make it history).
        var current = currentId is { } id ? await db.Reports.FirstAsync(r => r.Id == id, ct) : null;
        var currentReport = current is null ? null : ReportRowMapping.ToDomain(current);
        var carried = MilestoneCarryForward.Apply(currentReport, submitted, command.WithdrawnMilestones, v);
        v.ThrowIfAny();
        var report = carried.Report;
        var kind = ReportSubmission.Classify(currentReport, report);
        if (kind == SubmissionKind.Identical)
        {
            return new SubmissionResult(current!, kind, row, carried.Kept);
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
            Guid.NewGuid(), time.GetUtcNow(), ProjectRowMapping.Routing(row), stored.PeriodName, stored.Version,
            report.CumulativePercent, report.PeriodInvestment, report.CumulativeInvestment,
            LightEngine.UpperSnake(stored.State), report.Problems, actor));

        // The light from what is stored once this report is in, computed here instead of read back after a first
        // save: the same inputs, one SaveChanges (one transaction) for the report, audit, light and events.
        var afterwards = outline.Where(r => r.IsCurrent && r.Id != currentId).Append(stored).ToList();
        using (ProjectHubMetrics.ActivitySource.StartActivity("evaluate light"))
        {
            var inputs = LightEngine.Inputs(row, afterwards.Concat(outline).Max(r => r.SubmittedOn), afterwards, overdue);
            lights.Apply(db, row, inputs, today);
        }

        using (ProjectHubMetrics.ActivitySource.StartActivity("save report"))
        {
            await db.SaveChangesAsync(ct);
        }

        return new SubmissionResult(stored, kind, row, carried.Kept);
    }
}
