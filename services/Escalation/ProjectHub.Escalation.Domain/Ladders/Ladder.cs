namespace ProjectHub.Escalation.Domain.Ladders;

/// <summary>A validated escalation ladder (分级调度): tiers in climbing order, the last one the top.</summary>
public sealed class Ladder
{
    private Ladder(IReadOnlyList<LadderTier> tiers, int topTierReminderAfterWorkingDays)
    {
        Tiers = tiers;
        TopTierReminderAfterWorkingDays = topTierReminderAfterWorkingDays;
    }

    public IReadOnlyList<LadderTier> Tiers { get; }

    /// <inheritdoc cref="LadderOptions.TopTierReminderAfterWorkingDays"/>
    public int TopTierReminderAfterWorkingDays { get; }

    public int Count => Tiers.Count;

    public LadderTier First => Tiers[0];

    public LadderTier Top => Tiers[^1];

    /// <summary>The ladder shipped as <c>Default</c>.</summary>
    public static Ladder Default { get; } = FromOptions(LadderPresets.Default());

    /// <summary>The ladder shipped as <c>Short</c>.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720", Justification = "The preset's name in the domain brief and in configuration (Escalation:Ladder:Preset=Short).")]
    public static Ladder Short { get; } = FromOptions(LadderPresets.Short());

    /// <summary>Builds the configured ladder; throws <see cref="LadderConfigurationException"/> when invalid.</summary>
    public static Ladder FromOptions(LadderOptions options)
    {
        LadderValidator.ThrowIfInvalid(options);
        var source = options.Tiers.Count > 0
            ? options.Tiers
            : (LadderPresets.ByName(options.Preset ?? LadderPresets.DefaultName) ?? LadderPresets.Default()).Tiers;
        var tiers = source
            .Select((t, i) => new LadderTier(i, t.Id.Trim(), t.ChineseName.Trim(), t.WorkingDayLimit))
            .ToArray();
        return new Ladder(tiers, options.TopTierReminderAfterWorkingDays);
    }

    public bool IsTop(int index) => index == Tiers.Count - 1;

    /// <summary>The tier at <paramref name="index"/>, or null when the ladder has no such tier.</summary>
    public LadderTier? TierAtOrNull(int index) => index >= 0 && index < Tiers.Count ? Tiers[index] : null;

    /// <summary>The tier with that id (case-insensitive), or null.</summary>
    public LadderTier? FindById(string id) =>
        Tiers.FirstOrDefault(t => string.Equals(t.Id, id, StringComparison.OrdinalIgnoreCase));
}
