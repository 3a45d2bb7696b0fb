using ProjectHub.Registry.Domain.Progress;
using ProjectHub.Registry.Persistence;

namespace ProjectHub.Registry.Reports;

/// <summary>A stored report version ⇄ the domain report the rules compare.</summary>
public static class ReportRowMapping
{
    public static ProgressReport ToDomain(ReportRow row) => new()
    {
        Period = new ReportPeriod(row.PeriodStart, row.PeriodEnd),
        CumulativePercent = row.CumulativePercent,
        PeriodInvestment = row.PeriodInvestment,
        CumulativeInvestment = row.CumulativeInvestment,
        Workers = row.Workers,
        State = StateOf(row),
        ReachedMilestones = ReachedOf(row),
        Narrative = row.Narrative,
        Problems = ProblemsOf(row),
    };

    public static ConstructionState StateOf(ReportRow row) => Enum.Parse<ConstructionState>(row.State);

    public static IReadOnlyList<MilestoneReached> ReachedOf(ReportRow row) => Json.Read<List<MilestoneReached>>(row.ReachedMilestonesJson);

    public static IReadOnlyList<string> ProblemsOf(ReportRow row) => Json.Read<List<string>>(row.ProblemsJson);
}
