namespace ProjectHub.Escalation.Domain.Ladders;

/// <summary>One rung of a validated escalation ladder.</summary>
/// <param name="Index">Zero-based position; 0 is the first tier a problem is raised at.</param>
/// <param name="Id">Stable English id, e.g. <c>VICE_MAYOR</c>; alert routing keys off it.</param>
/// <param name="ChineseName">Display name, e.g. 分管副市长.</param>
/// <param name="WorkingDayLimit">Working days the tier has before the problem climbs; null only for the top tier.</param>
public sealed record LadderTier(int Index, string Id, string ChineseName, int? WorkingDayLimit)
{
    /// <summary>One-based tier number as people say it ("tier 1").</summary>
    public int Number => Index + 1;
}
