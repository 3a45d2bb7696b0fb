using ProjectHub.Registry.Domain.Projects;
using static ProjectHub.Registry.Tests.Domain.Dates;

namespace ProjectHub.Registry.Tests.Domain.Projects;

public class PlannedProgressTests
{
    // Start Jan 1; milestones every 10 days: 40 %, 60 %, 100 %; completion well after the last milestone.
    private static readonly ProjectSchedule Schedule = new(D("2025-01-01"), D("2025-02-28"), new Baseline(
    [
        new Milestone("Foundation", D("2025-01-11"), 40m),
        new Milestone("Structure", D("2025-01-21"), 60m),
        new Milestone("Handover", D("2025-01-31"), 100m),
    ]));

    [Theory]
    [InlineData("2024-12-31", 0)]   // before the planned start
    [InlineData("2025-01-01", 0)]   // at the planned start
    [InlineData("2025-01-06", 20)]  // half way to 40 %
    [InlineData("2025-01-11", 40)]  // on a milestone
    [InlineData("2025-01-16", 50)]  // half way from 40 to 60
    [InlineData("2025-01-26", 80)]  // half way from 60 to 100
    [InlineData("2025-01-31", 100)] // last milestone
    [InlineData("2025-02-15", 100)] // after the last milestone, before planned completion
    [InlineData("2026-06-01", 100)]
    public void Reads_the_baseline_linearly(string day, int expected) =>
        Assert.Equal(expected, Schedule.PlannedPercentOn(D(day)));

    [Theory]
    [InlineData("2025-01-16", 70)]  // 40 + 60 × 5/10 towards completion at 100
    [InlineData("2025-01-21", 100)]
    [InlineData("2025-03-01", 100)]
    public void Planned_completion_is_the_final_100_percent_point_when_no_milestone_reaches_100(string day, int expected)
    {
        var schedule = new ProjectSchedule(D("2025-01-01"), D("2025-01-21"),
            new Baseline([new Milestone("Foundation", D("2025-01-11"), 40m)]));
        Assert.Equal(expected, schedule.PlannedPercentOn(D(day)));
    }

    [Fact]
    public void Without_milestones_progress_is_linear_from_start_to_completion()
    {
        var schedule = new ProjectSchedule(D("2025-01-01"), D("2025-01-11"), Baseline.Empty);
        Assert.Equal(50m, schedule.PlannedPercentOn(D("2025-01-06")));
    }

    [Fact]
    public void A_milestone_on_the_start_date_counts_from_that_day()
    {
        var schedule = new ProjectSchedule(D("2025-01-01"), D("2025-01-11"),
            new Baseline([new Milestone("Site handed over", D("2025-01-01"), 10m)]));
        Assert.Equal(10m, schedule.PlannedPercentOn(D("2025-01-01")));
        Assert.Equal(55m, schedule.PlannedPercentOn(D("2025-01-06"))); // 10 + 90 × 5/10
    }

    [Fact]
    public void Rounds_to_two_decimals()
    {
        var schedule = new ProjectSchedule(D("2025-01-01"), D("2025-01-04"), Baseline.Empty);
        Assert.Equal(33.33m, schedule.PlannedPercentOn(D("2025-01-02")));
        Assert.Equal(66.67m, schedule.PlannedPercentOn(D("2025-01-03")));
    }

    [Fact]
    public void Equal_consecutive_percents_hold_flat()
    {
        var schedule = new ProjectSchedule(D("2025-01-01"), D("2025-01-31"), new Baseline(
        [
            new Milestone("A", D("2025-01-11"), 40m),
            new Milestone("B", D("2025-01-21"), 40m),
        ]));
        Assert.Equal(40m, schedule.PlannedPercentOn(D("2025-01-16")));
    }
}
