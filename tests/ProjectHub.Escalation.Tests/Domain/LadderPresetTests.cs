using ProjectHub.Escalation.Domain.Ladders;

namespace ProjectHub.Escalation.Tests.Domain;

public class LadderPresetTests
{
    [Fact]
    public void Default_preset_is_the_six_tier_ladder_from_the_brief()
    {
        var tiers = Ladder.Default.Tiers.Select(t => (t.Id, t.ChineseName, t.WorkingDayLimit)).ToArray();

        Assert.Equal(
            [
                ("RESPONSIBLE_UNIT", "项目责任单位/业主单位", (int?)3),
                ("INDUSTRY_DEPARTMENT", "行业主管部门", 5),
                ("VICE_MAYOR", "分管副市长", 5),
                ("EXECUTIVE_VICE_MAYOR", "常务副市长", 5),
                ("GOVERNMENT_EXECUTIVE_MEETING", "市政府常务会", 10),
                ("STANDING_COMMITTEE", "市委常委会", null),
            ],
            tiers);
        Assert.Equal(LadderOptions.DefaultTopTierReminderAfterWorkingDays, Ladder.Default.TopTierReminderAfterWorkingDays);
    }

    [Fact]
    public void Short_preset_skips_the_middle_tiers()
    {
        Assert.Equal(
            ["RESPONSIBLE_UNIT", "INDUSTRY_DEPARTMENT", "VICE_MAYOR", "STANDING_COMMITTEE"],
            Ladder.Short.Tiers.Select(t => t.Id));
        Assert.Equal([3, 5, 5, (int?)null], Ladder.Short.Tiers.Select(t => t.WorkingDayLimit));
    }

    [Theory]
    [InlineData("Short", 4)]
    [InlineData("short", 4)]
    [InlineData("DEFAULT", 6)]
    [InlineData(null, 6)]
    public void Preset_is_chosen_by_name_in_configuration(string? preset, int expectedTiers) =>
        Assert.Equal(expectedTiers, Ladder.FromOptions(new LadderOptions { Preset = preset }).Count);

    [Fact]
    public void Tiers_are_indexed_in_climbing_order_with_the_last_as_top()
    {
        var ladder = Ladder.Default;

        Assert.Equal([0, 1, 2, 3, 4, 5], ladder.Tiers.Select(t => t.Index));
        Assert.Equal(1, ladder.First.Number);
        Assert.Equal("STANDING_COMMITTEE", ladder.Top.Id);
        Assert.True(ladder.IsTop(5));
        Assert.False(ladder.IsTop(4));
        Assert.Null(ladder.TierAtOrNull(6));
        Assert.Equal(2, ladder.FindById("vice_mayor")?.Index);
    }

    [Fact]
    public void A_custom_ladder_from_explicit_tiers_is_used_as_configured()
    {
        var options = new LadderOptions
        {
            Tiers =
            [
                new() { Id = "UNIT", ChineseName = "责任单位", WorkingDayLimit = 2 },
                new() { Id = "MAYOR", ChineseName = "市长", WorkingDayLimit = null },
            ],
            TopTierReminderAfterWorkingDays = 4,
        };

        var ladder = Ladder.FromOptions(options);

        Assert.Equal(["UNIT", "MAYOR"], ladder.Tiers.Select(t => t.Id));
        Assert.Equal(4, ladder.TopTierReminderAfterWorkingDays);
    }

    [Fact]
    public void Presets_hand_out_fresh_options_so_editing_one_does_not_change_the_shipped_ladder()
    {
        var edited = LadderPresets.Default();
        edited.Tiers[0].WorkingDayLimit = 99;

        Assert.Equal(3, LadderPresets.Default().Tiers[0].WorkingDayLimit);
        Assert.Equal(3, Ladder.Default.First.WorkingDayLimit);
    }
}
