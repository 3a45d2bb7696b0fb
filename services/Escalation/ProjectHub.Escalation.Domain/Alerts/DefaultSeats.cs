using ProjectHub.Escalation.Domain.Ladders;

namespace ProjectHub.Escalation.Domain.Alerts;

/// <summary>
/// Who sits at the tiers above the vice mayor when the directory names nobody there: the executive vice mayor and the
/// secretariats of the two meetings, each for every project. Without them those tiers' alerts would all fall back to
/// the DRC, which does not decide at those tiers. A deployment that seats anyone at a tier replaces the default there.
/// </summary>
public static class DefaultSeats
{
    public static IReadOnlyList<LeaderEntry> All { get; } =
    [
        new() { Id = "常务副市长", Name = "常务副市长", TierId = WellKnownTierIds.ExecutiveViceMayor },
        new() { Id = "市政府常务会秘书处", Name = "市政府常务会秘书处", TierId = WellKnownTierIds.GovernmentExecutiveMeeting },
        new() { Id = "市委常委会秘书处", Name = "市委常委会秘书处", TierId = WellKnownTierIds.StandingCommittee },
    ];

    /// <summary>Adds the default seat of each tier of <paramref name="ladder"/> the directory leaves empty.</summary>
    public static void FillEmptyTiers(RecipientDirectoryOptions directory, Ladder ladder)
    {
        foreach (var seat in All)
        {
            var onLadder = ladder.FindById(seat.TierId) is not null;
            var seated = directory.Leaders.Any(l => string.Equals(l.TierId, seat.TierId, StringComparison.OrdinalIgnoreCase));
            if (onLadder && !seated)
            {
                directory.Leaders.Add(new LeaderEntry { Id = seat.Id, Name = seat.Name, TierId = seat.TierId });
            }
        }
    }
}
