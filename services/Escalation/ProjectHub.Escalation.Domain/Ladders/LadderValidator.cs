namespace ProjectHub.Escalation.Domain.Ladders;

/// <summary>Checks ladder configuration and reports every problem at once, so an operator fixes them in one go.</summary>
public static class LadderValidator
{
    /// <summary>Errors in <paramref name="options"/>; empty when the ladder is usable.</summary>
    public static IReadOnlyList<string> Validate(LadderOptions options)
    {
        var errors = new List<string>();
        if (options.TopTierReminderAfterWorkingDays <= 0)
        {
            errors.Add($"TopTierReminderAfterWorkingDays must be greater than 0; got {options.TopTierReminderAfterWorkingDays}.");
        }

        var hasPreset = !string.IsNullOrWhiteSpace(options.Preset);
        var hasTiers = options.Tiers.Count > 0;
        if (hasPreset && hasTiers)
        {
            errors.Add("Set either Preset or Tiers, not both.");
            return errors;
        }

        if (hasPreset && LadderPresets.ByName(options.Preset!) is null)
        {
            errors.Add($"Preset '{options.Preset}' is unknown; known presets: {string.Join(", ", LadderPresets.Names)}.");
            return errors;
        }

        if (hasTiers)
        {
            ValidateTiers(options.Tiers, errors);
        }

        return errors;
    }

    /// <summary>Throws <see cref="LadderConfigurationException"/> listing every error, if any.</summary>
    public static void ThrowIfInvalid(LadderOptions options)
    {
        var errors = Validate(options);
        if (errors.Count > 0)
        {
            throw new LadderConfigurationException(errors);
        }
    }

    private static void ValidateTiers(List<LadderTierOptions> tiers, List<string> errors)
    {
        if (tiers.Count < 2)
        {
            errors.Add($"A ladder needs at least 2 tiers; got {tiers.Count}.");
        }

        var firstPositionById = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < tiers.Count; i++)
        {
            var tier = tiers[i];
            var number = i + 1;
            var label = string.IsNullOrWhiteSpace(tier.Id) ? $"Tier #{number}" : $"Tier #{number} ({tier.Id})";
            var isTop = i == tiers.Count - 1;

            if (string.IsNullOrWhiteSpace(tier.Id))
            {
                errors.Add($"{label}: Id is required.");
            }
            else if (!firstPositionById.TryAdd(tier.Id, number))
            {
                errors.Add($"{label}: id '{tier.Id}' is already used by tier #{firstPositionById[tier.Id]}; tier ids must be unique (case-insensitive).");
            }

            if (string.IsNullOrWhiteSpace(tier.ChineseName))
            {
                errors.Add($"{label}: ChineseName is required.");
            }

            if (isTop && tier.WorkingDayLimit is not null && tiers.Count >= 2)
            {
                errors.Add($"{label} is the top tier and must have no WorkingDayLimit: there is no tier above it. Use TopTierReminderAfterWorkingDays for top-tier reminders.");
            }
            else if (!isTop && tier.WorkingDayLimit is null)
            {
                errors.Add($"{label} has no WorkingDayLimit; only the top tier may omit it.");
            }
            else if (tier.WorkingDayLimit is <= 0)
            {
                errors.Add($"{label}: WorkingDayLimit must be greater than 0; got {tier.WorkingDayLimit}.");
            }
        }
    }
}
