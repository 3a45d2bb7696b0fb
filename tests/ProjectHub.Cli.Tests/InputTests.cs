using ProjectHub.Registry.V1;
using ProjectHub.Testing;

namespace ProjectHub.Cli.Tests;

/// <summary>
/// Enum words on the command line since the protos gave every enum value its prefix (protos/CHANGES.md, 2026-12-04):
/// the short words people and scripts use keep working, the prefixed proto names work too, and JSON shows the latter.
/// </summary>
[Collection(ServicesCollection.Name)]
public sealed class InputTests(ServicesFixture services)
{
    [Theory]
    [InlineData("national")]
    [InlineData("NATIONAL")]
    [InlineData("PROJECT_TIER_NATIONAL")]
    [InlineData("project-tier-national")]
    public void A_tier_is_accepted_with_or_without_its_prefix(string word) =>
        Assert.Equal(ProjectTier.National, Input.Enum<ProjectTier>(word, "--tier"));

    [Fact]
    public void Other_enums_take_both_spellings_and_tables_show_the_short_word()
    {
        Assert.Equal(ConstructionState.Normal, Input.Enum<ConstructionState>("normal", "--state"));
        Assert.Equal(ConstructionState.NotStarted, Input.Enum<ConstructionState>("CONSTRUCTION_STATE_NOT_STARTED", "--state"));
        Assert.Equal(Light.Red, Input.Enum<Light>("red", "--light"));
        Assert.Equal(Light.Red, Input.Enum<Light>("LIGHT_RED", "--light"));
        Assert.Equal(ProjectHub.Escalation.V1.ProblemCategory.Land, Input.Enum<ProjectHub.Escalation.V1.ProblemCategory>("land", "--category"));

        Assert.Equal("municipal_major", Input.Name(ProjectTier.MunicipalMajor));
        Assert.Equal("under_construction", Input.Name(ProjectStage.UnderConstruction));
        Assert.Equal("red", Input.Name(Light.Red));
    }

    [Fact]
    public void An_unknown_word_lists_the_short_words()
    {
        var e = Assert.Throws<UsageException>(() => Input.Enum<ProjectTier>("galactic", "--tier"));

        Assert.Equal("--tier: 'galactic' is not one of national, provincial_large_medium, provincial_key, municipal_major", e.Message);
    }

    [Fact]
    public async Task A_prefixed_word_registers_and_json_output_spells_enums_with_their_prefix()
    {
        var registered = await Cli.RunAsync(services, TestTokens.Drc,
            [.. Projects.RegisterArgs("枚举前缀测试项目", tier: "PROJECT_TIER_MUNICIPAL_MAJOR"), "--output", "json"]);

        Assert.True(registered.ExitCode == 0, registered.Err);
        Assert.Contains("\"PROJECT_TIER_MUNICIPAL_MAJOR\"", registered.Out);
        Assert.Contains("\"PROJECT_STAGE_UNDER_CONSTRUCTION\"", registered.Out);
        Assert.Equal(ProjectTier.MunicipalMajor, Google.Protobuf.JsonParser.Default.Parse<Project>(registered.Out).Fields.Tier);
    }
}
