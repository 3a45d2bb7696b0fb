using ProjectHub.Escalation.Domain.Alerts;
using ProjectHub.Escalation.Domain.Ladders;

namespace ProjectHub.Escalation.Tests.Domain;

/// <summary>The tiers above the vice mayor have recipients by default, so their alerts do not all go to the DRC.</summary>
public class DefaultSeatsTests
{
    private static readonly ProjectRouting Project = new("project-1", "TRANSPORT", "unit-resp", "unit-owner");

    [Fact]
    public void An_empty_directory_seats_the_executive_vice_mayor_and_both_secretariats_on_the_default_ladder()
    {
        var directory = new RecipientDirectoryOptions { DrcRecipientIds = ["drc"] };

        DefaultSeats.FillEmptyTiers(directory, Ladder.Default);

        var router = new AlertRouter(directory);
        string[] Handlers(string tierId) =>
            [.. router.RecipientsFor(new ProblemArrivedTrigger(Project, DateTimeOffset.UnixEpoch, Guid.Empty, Ladder.Default.FindById(tierId)!, new DateOnly(2026, 3, 2)))];
        Assert.Equal(["常务副市长"], Handlers(WellKnownTierIds.ExecutiveViceMayor));
        Assert.Equal(["市政府常务会秘书处"], Handlers(WellKnownTierIds.GovernmentExecutiveMeeting));
        Assert.Equal(["市委常委会秘书处"], Handlers(WellKnownTierIds.StandingCommittee));
    }

    [Fact]
    public void A_configured_seat_replaces_the_default_at_its_tier_and_tiers_off_the_ladder_get_none()
    {
        var directory = new RecipientDirectoryOptions
        {
            Leaders = [new() { Id = "市委办公室", TierId = "standing_committee" }],
        };

        DefaultSeats.FillEmptyTiers(directory, Ladder.Short);

        Assert.Equal(["市委办公室"], directory.Leaders.Select(l => l.Id));
    }
}
