namespace ProjectHub.Registry.Domain.Lights;

/// <summary>
/// Light thresholds; the defaults are the brief's table. "Above" means strictly more than, "AtLeast" means
/// that much or more, matching the table's "&gt; 30 points" and "≥ 10 points".
/// </summary>
public sealed class LightRules
{
    public static LightRules Default { get; } = new();

    /// <summary>RED when planned minus actual percent is more than this.</summary>
    public decimal LagRedAbovePoints { get; init; } = 30m;

    /// <summary>YELLOW when planned minus actual percent is at least this.</summary>
    public decimal LagYellowAtLeastPoints { get; init; } = 10m;

    /// <summary>RED when not started on any day after planned start + this many calendar months.</summary>
    public int NotStartedRedAfterMonths { get; init; } = 3;

    /// <summary>RED when the days without a report are more than this.</summary>
    public int NoReportRedAboveDays { get; init; } = 21;

    /// <summary>YELLOW when the days without a report are more than this.</summary>
    public int NoReportYellowAboveDays { get; init; } = 7;

    /// <summary>RED when suspended for more than this many days; any suspension is YELLOW.</summary>
    public int SuspendedRedAboveDays { get; init; } = 14;

    /// <summary>RED when a milestone is overdue by more than this many days; 1 day up to this is YELLOW.</summary>
    public int MilestoneOverdueRedAboveDays { get; init; } = 30;
}
