using ProjectHub.Registry.Common;
using ProjectHub.Registry.Domain.Progress;
using ProjectHub.Registry.Persistence;
using V1 = ProjectHub.Registry.V1;

namespace ProjectHub.Registry.Reports;

public static class ReportMapping
{
    public static ProgressReport ToDomain(V1.ProgressReport r, Violations v)
    {
        var state = Wire.FromWire<V1.ConstructionState, ConstructionState>(r.State);
        if (state is null)
        {
            v.Add("report.state", "Required: NORMAL, SLOWED, SUSPENDED or NOT_STARTED.");
        }

        return new ProgressReport
        {
            Period = new ReportPeriod(
                Wire.ParseDate(r.PeriodStart, "report.period_start", v),
                Wire.ParseDate(r.PeriodEnd, "report.period_end", v)),
            CumulativePercent = Wire.ParseDecimal(r.CumulativePercent, "report.cumulative_percent", v),
            PeriodInvestment = Wire.ParseDecimal(r.PeriodInvestment, "report.period_investment", v, required: false),
            CumulativeInvestment = Wire.ParseDecimal(r.CumulativeInvestment, "report.cumulative_investment", v, required: false),
            Workers = r.Workers,
            State = state ?? ConstructionState.Normal,
            ReachedMilestones = r.ReachedMilestones
                .Select((m, i) => new MilestoneReached(m.Name.Trim(), Wire.ParseDate(m.ActualDate, $"report.reached_milestones[{i}].actual_date", v)))
                .ToList(),
            Narrative = r.Narrative,
            Problems = r.Problems.ToList(),
        };
    }

    public static ProgressReport ToDomain(ReportRow row) => new()
    {
        Period = new ReportPeriod(row.PeriodStart, row.PeriodEnd),
        CumulativePercent = row.CumulativePercent,
        PeriodInvestment = row.PeriodInvestment,
        CumulativeInvestment = row.CumulativeInvestment,
        Workers = row.Workers,
        State = Enum.Parse<ConstructionState>(row.State),
        ReachedMilestones = Json.Read<List<MilestoneReached>>(row.ReachedMilestonesJson),
        Narrative = row.Narrative,
        Problems = Json.Read<List<string>>(row.ProblemsJson),
    };

    public static V1.ProgressReport ToWire(ReportRow row)
    {
        var wire = new V1.ProgressReport
        {
            ProjectId = row.ProjectId,
            PeriodStart = Wire.Date(row.PeriodStart),
            PeriodEnd = Wire.Date(row.PeriodEnd),
            PeriodName = row.PeriodName,
            CumulativePercent = Wire.Dec(row.CumulativePercent),
            PeriodInvestment = Wire.Dec(row.PeriodInvestment),
            CumulativeInvestment = Wire.Dec(row.CumulativeInvestment),
            Workers = row.Workers,
            State = Wire.ToWire(Enum.Parse<ConstructionState>(row.State)),
            Narrative = row.Narrative,
            Version = row.Version,
            Current = row.IsCurrent,
            SubmittedAt = Wire.Time(row.SubmittedAtMs),
            SubmittedBy = row.SubmittedBy,
        };
        wire.ReachedMilestones.AddRange(Json.Read<List<MilestoneReached>>(row.ReachedMilestonesJson)
            .Select(m => new V1.MilestoneReached { Name = m.Name, ActualDate = Wire.Date(m.ActualDate) }));
        wire.Problems.AddRange(Json.Read<List<string>>(row.ProblemsJson));
        return wire;
    }
}
