using Google.Protobuf;
using ProjectHub.Registry.V1;
using ProjectHub.Testing;

namespace ProjectHub.Cli.Tests;

[Collection(ServicesCollection.Name)]
public sealed class RankingCommandTests(ServicesFixture services)
{
    private const string Unit = "排名测试责任单位";

    [Fact]
    public async Task Ranking_lists_each_units_score_and_parts_and_leaves_an_unmeasured_resolution_unscored()
    {
        await Projects.RegisterAsync(services, "排名测试项目", responsibleUnit: Unit);

        var json = await Cli.RunAsync(services, TestTokens.Drc, "ranking", "--from", "2026-01-01", "--to", "2026-03-02", "--output", "json");
        var table = await Cli.RunAsync(services, TestTokens.Drc, "ranking", "--from", "2026-01-01", "--to", "2026-03-02");

        Assert.True(json.ExitCode == 0, json.Err);
        var response = JsonParser.Default.Parse<RankUnitsResponse>(json.Out);
        Assert.Equal(("2026-01-01", "2026-03-02"), (response.FromDate, response.ToDate));
        var rank = response.Ranks.Single(r => r.Unit == Unit);
        Assert.Null(rank.ProblemResolution);
        Assert.NotNull(rank.Score);
        Assert.Equal(0, table.ExitCode);
        Assert.Contains(Unit, table.Out);
        Assert.Contains("2026-01-01 → 2026-03-02", table.Out);
    }

    [Fact]
    public async Task The_default_period_is_this_year_so_far_in_Shanghai()
    {
        var now = services.Clock.GetUtcNow();
        // 17:00 UTC on 31 December is already 1 January in Shanghai.
        services.Clock.AdjustTime(new DateTimeOffset(2026, 12, 31, 17, 0, 0, TimeSpan.Zero));
        try
        {
            var result = await Cli.RunAsync(services, TestTokens.Drc, "ranking", "--output", "json");

            Assert.True(result.ExitCode == 0, result.Err);
            var response = JsonParser.Default.Parse<RankUnitsResponse>(result.Out);
            Assert.Equal(("2027-01-01", "2027-01-01"), (response.FromDate, response.ToDate));
        }
        finally
        {
            services.Clock.AdjustTime(now);
        }
    }

    [Fact]
    public async Task A_bad_date_is_bad_input()
    {
        var result = await Cli.RunAsync(services, TestTokens.Drc, "ranking", "--from", "2026-13-01");

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("from_date", result.Err);
    }
}
