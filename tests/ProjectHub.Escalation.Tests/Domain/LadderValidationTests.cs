using ProjectHub.Escalation.Domain.Ladders;

namespace ProjectHub.Escalation.Tests.Domain;

public class LadderValidationTests
{
    private static LadderTierOptions T(string id, int? limit, string name = "名称") =>
        new() { Id = id, ChineseName = name, WorkingDayLimit = limit };

    [Fact]
    public void Shipped_presets_are_valid()
    {
        Assert.Empty(LadderValidator.Validate(LadderPresets.Default()));
        Assert.Empty(LadderValidator.Validate(LadderPresets.Short()));
    }

    public static TheoryData<LadderOptions, string> Broken => new()
    {
        { new() { Tiers = [T("A", null)] }, "A ladder needs at least 2 tiers; got 1." },
        { new() { Tiers = [T("A", 3), T("a", 3), T("C", null)] }, "Tier #2 (a): id 'a' is already used by tier #1" },
        { new() { Tiers = [T("A", 3), T("B", null), T("C", null)] }, "Tier #2 (B) has no WorkingDayLimit; only the top tier may omit it." },
        { new() { Tiers = [T("A", 3), T("B", 5)] }, "Tier #2 (B) is the top tier and must have no WorkingDayLimit" },
        { new() { Tiers = [T("A", 0), T("B", null)] }, "Tier #1 (A): WorkingDayLimit must be greater than 0; got 0." },
        { new() { Tiers = [T("A", -2), T("B", null)] }, "Tier #1 (A): WorkingDayLimit must be greater than 0; got -2." },
        { new() { Tiers = [T(" ", 3), T("B", null)] }, "Tier #1: Id is required." },
        { new() { Tiers = [T("A", 3, ""), T("B", null)] }, "Tier #1 (A): ChineseName is required." },
        { new() { Preset = "Short", Tiers = [T("A", 3), T("B", null)] }, "Set either Preset or Tiers, not both." },
        { new() { Preset = "Tiny" }, "Preset 'Tiny' is unknown; known presets: Default, Short." },
        { new() { TopTierReminderAfterWorkingDays = 0 }, "TopTierReminderAfterWorkingDays must be greater than 0; got 0." },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Broken_configuration_is_reported_with_a_clear_message(LadderOptions options, string expected)
    {
        var errors = LadderValidator.Validate(options);

        Assert.Contains(errors, e => e.StartsWith(expected, StringComparison.Ordinal));
        var ex = Assert.Throws<LadderConfigurationException>(() => Ladder.FromOptions(options));
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_error_is_reported_at_once()
    {
        var options = new LadderOptions { Tiers = [T("A", 0, ""), T("A", null), T("C", 4)] };

        var ex = Assert.Throws<LadderConfigurationException>(() => Ladder.FromOptions(options));

        Assert.Equal(5, ex.Errors.Count); // zero limit, blank name, duplicate id, missing middle limit, top with limit
    }
}
