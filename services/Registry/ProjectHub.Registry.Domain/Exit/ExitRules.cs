namespace ProjectHub.Registry.Domain.Exit;

/// <summary>Thresholds that make a project an exit candidate (退出机制). Defaults from the DRC's practice.</summary>
public sealed class ExitRules
{
    public static ExitRules Default { get; } = new();

    /// <summary>Candidate when RED without a break for at least this many days.</summary>
    public int RedForAtLeastDays { get; init; } = 90;

    /// <summary>Candidate when not started on any day after planned start + this many calendar months.</summary>
    public int NotStartedAfterMonths { get; init; } = 6;
}
