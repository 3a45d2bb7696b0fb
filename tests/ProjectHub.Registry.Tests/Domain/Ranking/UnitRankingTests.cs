using ProjectHub.Registry.Domain.Lights;
using ProjectHub.Registry.Domain.Ranking;

namespace ProjectHub.Registry.Tests.Domain.Ranking;

public class UnitRankingTests
{
    private static UnitPeriodFigures Unit(
        string name, int green, int yellow, int red, decimal completed, decimal planned, int due, int onTime, params int[] days) =>
        new(name, new LightCounts(red, yellow, green), completed, planned, due, onTime, days);

    [Fact]
    public void Hand_checked_ranking_with_default_weights()
    {
        // Default weights 0.4 / 0.3 / 0.2 / 0.1, target 3 working days.
        var figures = new[]
        {
            // 市住建局: green 8/10 = 80.00; invest 4500/5000 = 90.00; on time 38/40 = 95.00;
            // median of [5, 2, 3] = 3 ≤ 3 → 100. Score 0.4×80 + 0.3×90 + 0.2×95 + 0.1×100 = 32 + 27 + 19 + 10 = 88.00.
            Unit("市住建局", 8, 1, 1, 4500m, 5000m, 40, 38, 5, 2, 3),
            // 市交通局: green 3/4 = 75.00; invest 3300/3000 capped = 100.00; on time 20/20 = 100.00;
            // median of [4, 8] = 6 > 3 → 100×3/6 = 50.00. Score 30 + 30 + 20 + 5 = 85.00.
            Unit("市交通局", 3, 1, 0, 3300m, 3000m, 20, 20, 4, 8),
            // 高新区管委会: green 2/6 = 33.33 (33.333… rounded); invest 1000/4000 = 25.00; on time 9/12 = 75.00;
            // no problem resolved → not scored. Score (0.4×33.33 + 0.3×25 + 0.2×75) / 0.9 = 35.832 / 0.9 = 39.813… → 39.81.
            Unit("高新区管委会", 2, 2, 2, 1000m, 4000m, 12, 9),
            // 区水务局: green 4/4 = 100; invest 1000/2000 = 50.00; on time 10/10 = 100;
            // median of [1, 2, 3, 9] = (2 + 3)/2 = 2.5 → 100. Score 40 + 15 + 20 + 10 = 85.00, tied with 市交通局;
            // its green share 100 beats 75, so it ranks above.
            Unit("区水务局", 4, 0, 0, 1000m, 2000m, 10, 10, 9, 1, 3, 2),
            // 经开区管委会: the same figures as 高新区管委会, so 39.81 and equal parts; the name decides, ordinally:
            // 经 is U+7ECF, 高 is U+9AD8, so 经开区管委会 comes first.
            Unit("经开区管委会", 2, 2, 2, 1000m, 4000m, 12, 9),
        };

        var ranking = UnitRanking.Rank(figures, RankingWeights.Default);

        Assert.Equal(
            [(1, "市住建局", 88.00m), (2, "区水务局", 85.00m), (3, "市交通局", 85.00m), (4, "经开区管委会", 39.81m), (5, "高新区管委会", 39.81m)],
            ranking.Select(r => (r.Rank, r.Unit, r.Score)).ToArray());
        Assert.Equal(new ScoreParts(75m, 100m, 100m, 50m), ranking[2].Parts);
        Assert.Equal(6m, ranking[2].MedianResolutionWorkingDays);
        Assert.Equal(new ScoreParts(33.33m, 25m, 75m, null), ranking[4].Parts);
        Assert.Null(ranking[4].MedianResolutionWorkingDays);
        Assert.Equal(2.5m, ranking[1].MedianResolutionWorkingDays);
    }

    [Theory]
    [InlineData(new[] { 3 }, 100)]        // at the target
    [InlineData(new[] { 4 }, 75)]         // 100 × 3/4
    [InlineData(new[] { 6 }, 50)]         // twice the target
    [InlineData(new[] { 12 }, 25)]        // four times
    [InlineData(new[] { 1, 7, 30 }, 42.86)] // median 7: 100 × 3/7 = 42.857…
    public void Resolution_score_falls_as_the_median_grows(int[] days, double expected)
    {
        var rank = Assert.Single(UnitRanking.Rank([Unit("U", 1, 0, 0, 1m, 1m, 1, 1, days)], RankingWeights.Default));
        Assert.Equal((decimal)expected, rank.Parts.ProblemResolution);
    }

    [Fact]
    public void The_target_is_configurable()
    {
        var weights = new RankingWeights { TargetResolutionWorkingDays = 5m };
        var rank = Assert.Single(UnitRanking.Rank([Unit("U", 1, 0, 0, 1m, 1m, 1, 1, 10)], weights));
        Assert.Equal(50m, rank.Parts.ProblemResolution);
    }

    [Fact]
    public void Obligations_a_unit_did_not_have_score_full_marks_but_no_resolved_problem_is_not_scored()
    {
        var rank = Assert.Single(UnitRanking.Rank([Unit("新成立单位", 0, 0, 0, 0m, 0m, 0, 0)], RankingWeights.Default));
        Assert.Equal(new ScoreParts(100m, 100m, 100m, null), rank.Parts);
        Assert.Equal(100m, rank.Score);
    }

    [Fact]
    public void Nothing_resolved_neither_earns_nor_costs_a_unit_anything()
    {
        // Both: green 1/2 = 50, invest 50/100 = 50, on time 1/2 = 50. One resolved its problem within the target (100),
        // the other resolved nothing. Full marks for nothing tied them at 55 (and the name broke the tie); now the
        // idle unit scores the mean of its other parts, 50, and the one that did the work ranks first.
        var fast = Unit("解决单位", 1, 1, 0, 50m, 100m, 2, 1, 2);
        var idle = Unit("一无解决单位", 1, 1, 0, 50m, 100m, 2, 1);

        var ranking = UnitRanking.Rank([idle, fast], RankingWeights.Default);

        Assert.Equal([("解决单位", 55m, (decimal?)100m), ("一无解决单位", 50m, null)], ranking.Select(r => (r.Unit, r.Score, r.Parts.ProblemResolution)));
    }

    [Fact]
    public void With_every_weight_on_problem_resolution_and_nothing_resolved_the_score_is_zero()
    {
        var weights = new RankingWeights { GreenShare = 0m, InvestmentCompletion = 0m, OnTimeReporting = 0m, ProblemResolution = 1m };
        Assert.Equal(0m, Assert.Single(UnitRanking.Rank([Unit("U", 1, 0, 0, 1m, 1m, 1, 1)], weights)).Score);
    }

    [Fact]
    public void Weights_are_normalised_by_their_sum()
    {
        // Only the green share counts: weights 2/0/0/0 → score equals the green share, 50.
        var weights = new RankingWeights { GreenShare = 2m, InvestmentCompletion = 0m, OnTimeReporting = 0m, ProblemResolution = 0m };
        var rank = Assert.Single(UnitRanking.Rank([Unit("U", 1, 1, 0, 0m, 100m, 10, 0)], weights));
        Assert.Equal(50m, rank.Score);
    }

    [Fact]
    public void Inconsistent_figures_are_refused()
    {
        Assert.Throws<ArgumentException>(() => UnitRanking.Rank([Unit("U", 1, 0, 0, 0m, 0m, 1, 2)], RankingWeights.Default));
        Assert.Throws<ArgumentException>(() => UnitRanking.Rank([Unit("U", 1, 0, 0, -1m, 0m, 0, 0)], RankingWeights.Default));
        Assert.Throws<ArgumentException>(() => UnitRanking.Rank([Unit("U", 1, 0, 0, 0m, 0m, 0, 0), Unit("U", 0, 1, 0, 0m, 0m, 0, 0)], RankingWeights.Default));
        Assert.Throws<ArgumentException>(() => UnitRanking.Rank([Unit("U", 1, 0, 0, 0m, 0m, 0, 0)], new RankingWeights { GreenShare = -0.1m }));
        Assert.Throws<ArgumentException>(() => UnitRanking.Rank([], new RankingWeights { TargetResolutionWorkingDays = 0m }));
    }
}
