using ProjectHub.Board.Api;
using ProjectHub.Registry.V1;

namespace ProjectHub.Board.Tests;

public class WeeklyProgressTests
{
    private static ProgressReport Report(string monday, string percent, string planned, bool current = true, string name = "") => new()
    {
        PeriodStart = monday,
        PeriodName = name,
        CumulativePercent = new ProjectHub.Type.V1.Decimal { Value = percent },
        PlannedPercent = new ProjectHub.Type.V1.Decimal { Value = planned },
        Current = current,
    };

    [Fact]
    public void One_point_per_week_in_order_with_a_gap_for_an_unreported_week_and_replaced_versions_left_out()
    {
        var points = WeeklyProgress.Points(
        [
            Report("2026-03-16", "30", "33", name: "2026-W12"),
            Report("2026-03-02", "20", "25", name: "2026-W10"),
            Report("2026-03-02", "19", "25", current: false),
        ]);

        Assert.Equal(["2026-03-02", "2026-03-09", "2026-03-16"], points.Select(p => p.Week));
        Assert.Equal(new WeekPoint("2026-03-02", "2026-W10", 25m, 20m), points[0]);
        Assert.Equal(new WeekPoint("2026-03-09", "", null, null), points[1]);
        Assert.Equal(new WeekPoint("2026-03-16", "2026-W12", 33m, 30m), points[2]);
    }

    [Fact]
    public void No_reports_no_points_and_a_long_life_keeps_the_latest_weeks()
    {
        Assert.Empty(WeeklyProgress.Points([]));
        var points = WeeklyProgress.Points([Report("2000-01-03", "1", "1"), Report("2026-03-02", "50", "50")]);
        Assert.Equal(WeeklyProgress.MaxWeeks, points.Count);
        Assert.Equal("2026-03-02", points[^1].Week);
    }
}
