namespace ProjectHub.Registry.Domain.Progress;

/// <summary>
/// An owner's progress report for one period. Money in 万元. Equality is by content: lists compare by value,
/// reached milestones in any order (they are a set), problems in order (the owner's order is their priority).
/// Decimals compare by value, so 50 and 50.00 are the same figure. Who submitted it and when is not content.
/// </summary>
public sealed record ProgressReport
{
    public required ReportPeriod Period { get; init; }

    /// <summary>Cumulative percent complete, 0–100.</summary>
    public decimal CumulativePercent { get; init; }

    public decimal PeriodInvestment { get; init; }

    public decimal CumulativeInvestment { get; init; }

    public int Workers { get; init; }

    public ConstructionState State { get; init; }

    public IReadOnlyList<MilestoneReached> ReachedMilestones { get; init; } = [];

    public string Narrative { get; init; } = "";

    /// <summary>Problems needing coordination, one entry each.</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];

    public bool Equals(ProgressReport? other) =>
        other is not null
        && Period == other.Period
        && CumulativePercent == other.CumulativePercent
        && PeriodInvestment == other.PeriodInvestment
        && CumulativeInvestment == other.CumulativeInvestment
        && Workers == other.Workers
        && State == other.State
        && string.Equals(Narrative, other.Narrative, StringComparison.Ordinal)
        && Problems.SequenceEqual(other.Problems, StringComparer.Ordinal)
        && SortedMilestones(this).SequenceEqual(SortedMilestones(other));

    public override int GetHashCode() => HashCode.Combine(
        Period, CumulativePercent, CumulativeInvestment, Workers, State, Narrative.Length, Problems.Count, ReachedMilestones.Count);

    private static IEnumerable<MilestoneReached> SortedMilestones(ProgressReport report) =>
        report.ReachedMilestones.OrderBy(m => m.Name, StringComparer.Ordinal).ThenBy(m => m.ActualDate);
}
