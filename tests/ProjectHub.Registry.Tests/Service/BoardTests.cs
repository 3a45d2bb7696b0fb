using ProjectHub.Registry.V1;

namespace ProjectHub.Registry.Tests.Service;

/// <summary>
/// A hand-checked data set on 2026-03-02, where every project's plan says 50 %:
/// A (住建局, 鼓楼区, 张, MUNICIPAL_MAJOR, unit U1, plan 1000, total 5000) reports 45 % → GREEN, 100 invested;
/// B (住建局, 台江区, 张, PROVINCIAL_KEY, U1, plan 500, total 2000) reports 10 % → RED, 50 invested;
/// C (交通局, 鼓楼区, 李, MUNICIPAL_MAJOR, U2, plan 2000, total 8000) reports 38 % → YELLOW (12 behind), 300 invested;
/// D (水利局, 晋安区, 李, PROVINCIAL_KEY, U2, plan 0, total 1000) in RESERVE → no light.
/// </summary>
public sealed class BoardTests(BoardTests.Data data) : IClassFixture<BoardTests.Data>
{
    private readonly RegistryHost host = data.Host;

    /// <summary>A registry host loaded once with the data set above.</summary>
    public sealed class Data : IAsyncLifetime
    {
        public RegistryHost Host { get; } = new();

        public async Task InitializeAsync()
        {
            await Host.InitializeAsync();
            await SeedAsync(Host.Client);
        }

        public Task DisposeAsync() => Host.DisposeAsync();
    }

    private static async Task SeedAsync(V1.ProjectRegistry.ProjectRegistryClient c)
    {
        var a = await c.RegisterProjectAsync(Projects.Register(Projects.Fields("A", responsibleUnit: "U1", department: "住建局", locality: "鼓楼区", leader: "张副市长", total: "5000", yearPlan: "1000")));
        var b = await c.RegisterProjectAsync(Projects.Register(Projects.Fields("B", responsibleUnit: "U1", department: "住建局", locality: "台江区", leader: "张副市长", tier: ProjectTier.ProvincialKey, total: "2000", yearPlan: "500")));
        var cc = await c.RegisterProjectAsync(Projects.Register(Projects.Fields("C", responsibleUnit: "U2", department: "交通局", locality: "鼓楼区", leader: "李副市长", total: "8000", yearPlan: "2000")));
        await c.RegisterProjectAsync(Projects.Register(Projects.Fields("D", responsibleUnit: "U2", department: "水利局", locality: "晋安区", leader: "李副市长", tier: ProjectTier.ProvincialKey, total: "1000", yearPlan: "0"), ProjectStage.Reserve));
        await c.SubmitProgressReportAsync(Projects.Report(a.Id, "45", periodInvestment: "100"), RegistryHost.AsOwner());
        await c.SubmitProgressReportAsync(Projects.Report(b.Id, "10", periodInvestment: "50"), RegistryHost.AsOwner());
        await c.SubmitProgressReportAsync(Projects.Report(cc.Id, "38", periodInvestment: "300"), RegistryHost.AsOwner());
    }

    [Fact]
    public async Task Board_counts_lights_per_dimension_and_sums_the_money()
    {
        var board = await host.Client.GetBoardAsync(new GetBoardRequest());

        Assert.Equal((1, 1, 1, 1), Tally(board.Totals));
        Assert.Equal(
            [("交通局", (0, 1, 0, 0)), ("住建局", (1, 0, 1, 0)), ("水利局", (0, 0, 0, 1))],
            board.ByIndustryDepartment.Select(r => (r.Key, Tally(r.Lights))).OrderBy(r => r.Key, StringComparer.Ordinal));
        Assert.Equal((0, 1, 1, 0), Tally(board.ByLocality.Single(r => r.Key == "鼓楼区").Lights));
        Assert.Equal((1, 0, 0, 0), Tally(board.ByLocality.Single(r => r.Key == "台江区").Lights));
        Assert.Equal((1, 0, 1, 0), Tally(board.ByLeaderInCharge.Single(r => r.Key == "张副市长").Lights));
        Assert.Equal((1, 0, 0, 1), Tally(board.ByTier.Single(r => r.Key == "PROVINCIAL_KEY").Lights));
        Assert.Equal((0, 1, 1, 0), Tally(board.ByTier.Single(r => r.Key == "MUNICIPAL_MAJOR").Lights));
        Assert.Equal("16000", board.TotalInvestment.Value);
        Assert.Equal("3500", board.YearPlannedInvestment.Value);
        Assert.Equal("450", board.YearToDateCompleted.Value);
        Assert.Equal("12.86", board.CompletionPercent.Value); // 450 / 3500 × 100
        Assert.Equal(2026, board.Year);
    }

    [Fact]
    public async Task Ranking_shows_the_score_and_its_parts()
    {
        var ranking = await host.Client.RankUnitsAsync(new RankUnitsRequest());

        Assert.Equal("2026-01-01", ranking.FromDate);
        Assert.Equal("2026-03-02", ranking.ToDate);
        Assert.Equal(["U1", "U2"], ranking.Ranks.Select(r => r.Unit));
        var u1 = ranking.Ranks[0];
        // Green 1 of 2 lit = 50; invested 150 of 1500 = 10; no report due yet = 100; no problem resolved: not scored
        // (unset), so (50×0.4 + 10×0.3 + 100×0.2) / 0.9 = 43 / 0.9 = 47.78.
        Assert.Equal(("50", "10", "100", "47.78"), (u1.GreenShare.Value, u1.InvestmentCompletion.Value, u1.OnTimeReporting.Value, u1.Score.Value));
        Assert.Null(u1.ProblemResolution);
        var u2 = ranking.Ranks[1];
        // Green 0 of 1 lit = 0; 300 of 2000 = 15; (0 + 4.5 + 20) / 0.9 = 27.22.
        Assert.Equal(("0", "15", "27.22"), (u2.GreenShare.Value, u2.InvestmentCompletion.Value, u2.Score.Value));
        Assert.Equal(2, u2.Rank);
        Assert.Equal("2000", u2.InvestmentPlanned.Value);
    }

    [Fact]
    public async Task Reports_due_count_whole_past_weeks_and_on_time_means_by_the_next_day()
    {
        // A week later: the week of 03-02 ended on 03-08 and was reported on 03-02 (on time) by A, B and C.
        // The class shares one host, so the clock is set back afterwards (AdjustTime: a clock set by hand, no timers fire).
        var now = host.Clock.GetUtcNow();
        host.Clock.AdjustTime(now.AddDays(7));
        try
        {
            var ranking = await host.Client.RankUnitsAsync(new RankUnitsRequest { FromDate = "2026-03-02", ToDate = "2026-03-09" });
            var u1 = ranking.Ranks.Single(r => r.Unit == "U1");
            Assert.Equal((2, 2), (u1.ReportsDue, u1.ReportsOnTime));
        }
        finally
        {
            host.Clock.AdjustTime(now);
        }
    }

    private static (int Red, int Yellow, int Green, int Unlit) Tally(LightTally t) => (t.Red, t.Yellow, t.Green, t.Unlit);
}
