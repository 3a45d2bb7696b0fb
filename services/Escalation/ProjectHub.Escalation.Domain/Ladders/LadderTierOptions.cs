namespace ProjectHub.Escalation.Domain.Ladders;

/// <summary>One configured tier, as bound from configuration (settable so a configuration binder can fill it).</summary>
public sealed class LadderTierOptions
{
    public string Id { get; set; } = "";

    public string ChineseName { get; set; } = "";

    /// <summary>Working days before the problem climbs; leave null on the top tier only.</summary>
    public int? WorkingDayLimit { get; set; }
}
