namespace ProjectHub.Escalation.Domain.Ladders;

/// <summary>
/// Ladder configuration: either a named <see cref="Preset"/> or an explicit list of <see cref="Tiers"/>, lowest
/// first. With neither set the <c>Default</c> preset applies.
/// </summary>
public sealed class LadderOptions
{
    public const int DefaultTopTierReminderAfterWorkingDays = 10;

    /// <summary>Name of a shipped preset (<c>Default</c> or <c>Short</c>, case-insensitive).</summary>
    public string? Preset { get; set; }

    public List<LadderTierOptions> Tiers { get; set; } = [];

    /// <summary>
    /// The top tier cannot escalate, so it has no working-day limit; instead, once a problem has sat there this many
    /// working days, it is overdue and reminders go out (at most once per working day).
    /// </summary>
    public int TopTierReminderAfterWorkingDays { get; set; } = DefaultTopTierReminderAfterWorkingDays;
}
