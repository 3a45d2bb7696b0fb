namespace ProjectHub.Escalation.Persistence;

/// <summary>One audit entry of a problem (who, when, what, why); keyed by (problem, version).</summary>
public sealed class ProblemHistoryRow
{
    public Guid ProblemId { get; set; }
    public int Version { get; set; }
    public string Action { get; set; } = "";
    public string Actor { get; set; } = "";
    public DateTimeOffset RecordedAt { get; set; }
    public DateTimeOffset EffectiveAt { get; set; }
    public int FromTierIndex { get; set; }
    public int ToTierIndex { get; set; }
    public string? FromState { get; set; }
    public string ToState { get; set; } = "";
    public DateOnly TierDeadline { get; set; }
    public string? Note { get; set; }
}
