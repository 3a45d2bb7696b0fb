using ProjectHub.Domain;
using ProjectHub.Registry.Domain.Progress;
using ProjectHub.Registry.Domain.Projects;
using ProjectHub.Registry.Persistence;
using ProjectHub.Registry.Projects;
using ProjectHub.Registry.Reports;
using ProjectHub.Wire;
using V1 = ProjectHub.Registry.V1;

namespace ProjectHub.Registry.Wire;

/// <summary>Progress reports on the wire: a submission read into its command, stored versions written back.</summary>
public static class ReportWire
{
    public static SubmitProgressReportCommand ToCommand(V1.SubmitProgressReportRequest request)
    {
        var v = new Violations();
        var withdrawn = request.WithdrawnMilestones.Select(n => n.Trim()).ToList();
        return request.Report is null
            ? new SubmitProgressReportCommand("", null, v, withdrawn)
            : new SubmitProgressReportCommand(request.Report.ProjectId, ToDomain(request.Report, v), v, withdrawn);
    }

    /// <summary>Reads the wire report; unparseable values are added to <paramref name="v"/> under "report.".</summary>
    public static ProgressReport ToDomain(V1.ProgressReport r, Violations v)
    {
        var state = EnumWire.FromWire<V1.ConstructionState, ConstructionState>(r.State);
        if (state is null)
        {
            v.Add("report.state", "必填：施工状态，须为 CONSTRUCTION_STATE_NORMAL（正常）、CONSTRUCTION_STATE_SLOWED（缓慢）、CONSTRUCTION_STATE_SUSPENDED（停工）或 CONSTRUCTION_STATE_NOT_STARTED（未开工）。");
        }

        return new ProgressReport
        {
            Period = new ReportPeriod(
                WireDate.Parse(r.PeriodStart, "report.period_start", v),
                WireDate.Parse(r.PeriodEnd, "report.period_end", v)),
            CumulativePercent = WireDecimal.Parse(r.CumulativePercent, "report.cumulative_percent", v),
            PeriodInvestment = WireDecimal.Parse(r.PeriodInvestment, "report.period_investment", v, required: false),
            CumulativeInvestment = WireDecimal.Parse(r.CumulativeInvestment, "report.cumulative_investment", v, required: false),
            Workers = r.Workers,
            State = state ?? ConstructionState.Normal,
            ReachedMilestones = r.ReachedMilestones
                .Select((m, i) => new MilestoneReached(m.Name.Trim(), WireDate.Parse(m.ActualDate, $"report.reached_milestones[{i}].actual_date", v)))
                .ToList(),
            Narrative = r.Narrative,
            Problems = r.Problems.ToList(),
        };
    }

    public static V1.ProgressReport ToWire(ReportRow row, ProjectSchedule schedule)
    {
        var wire = new V1.ProgressReport
        {
            ProjectId = row.ProjectId,
            PeriodStart = WireDate.ToWire(row.PeriodStart),
            PeriodEnd = WireDate.ToWire(row.PeriodEnd),
            PeriodName = row.PeriodName,
            CumulativePercent = WireDecimal.ToWire(row.CumulativePercent),
            PeriodInvestment = WireDecimal.ToWire(row.PeriodInvestment),
            CumulativeInvestment = WireDecimal.ToWire(row.CumulativeInvestment),
            Workers = row.Workers,
            State = EnumWire.ToWire(ReportRowMapping.StateOf(row)),
            Narrative = row.Narrative,
            Version = row.Version,
            Current = row.IsCurrent,
            SubmittedAt = WireDate.Instant(row.SubmittedAtMs),
            SubmittedBy = row.SubmittedBy,
            PlannedPercent = WireDecimal.ToWire(schedule.PlannedPercentOn(row.PeriodEnd)),
        };
        wire.ReachedMilestones.AddRange(ReportRowMapping.ReachedOf(row).Select(ToWire));
        wire.Problems.AddRange(ReportRowMapping.ProblemsOf(row));
        return wire;
    }

    public static V1.SubmitProgressReportResponse ToWire(SubmissionResult result)
    {
        var response = new V1.SubmitProgressReportResponse
        {
            Report = ToWire(result.Report, ProjectRowMapping.Schedule(result.Project)),
            Outcome = ToWire(result.Kind),
            Light = LightWire.Status(result.Project),
        };
        response.KeptMilestones.AddRange(result.Kept.Select(ToWire));
        return response;
    }

    private static V1.MilestoneReached ToWire(MilestoneReached m) => new() { Name = m.Name, ActualDate = WireDate.ToWire(m.ActualDate) };

    public static V1.SubmissionOutcome ToWire(SubmissionKind kind) => kind switch
    {
        SubmissionKind.New => V1.SubmissionOutcome.New,
        SubmissionKind.Replaces => V1.SubmissionOutcome.Replaced,
        _ => V1.SubmissionOutcome.Unchanged,
    };

    public static V1.ListProgressReportsResponse ToWire(ReportList list)
    {
        var response = new V1.ListProgressReportsResponse();
        response.Reports.AddRange(list.Reports.Select(r => ToWire(r, list.Schedule)));
        return response;
    }
}
