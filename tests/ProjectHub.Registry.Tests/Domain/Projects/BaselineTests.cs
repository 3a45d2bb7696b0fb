using ProjectHub.Registry.Domain.Projects;
using static ProjectHub.Registry.Tests.Domain.Dates;

namespace ProjectHub.Registry.Tests.Domain.Projects;

public class BaselineTests
{
    private static readonly DateOnly Start = D("2025-01-01");
    private static readonly DateOnly Completion = D("2025-12-31");

    private static List<string> FieldsOf(params Milestone[] milestones) =>
        new Baseline(milestones).Validate(Start, Completion).Select(v => v.Field).ToList();

    [Fact]
    public void A_sound_baseline_has_no_violations_even_if_it_stops_short_of_100()
    {
        Assert.Empty(FieldsOf(
            new Milestone("Foundation", D("2025-01-01"), 0m),
            new Milestone("Structure", D("2025-06-01"), 60m),
            new Milestone("Fit-out", D("2025-09-01"), 60m)));
    }

    [Fact]
    public void Dates_must_strictly_increase()
    {
        Assert.Equal(["baseline.milestones[1].planned_date"], FieldsOf(
            new Milestone("A", D("2025-03-01"), 10m),
            new Milestone("B", D("2025-03-01"), 20m)));
    }

    [Fact]
    public void Percents_must_not_decrease()
    {
        Assert.Equal(["baseline.milestones[1].cumulative_percent"], FieldsOf(
            new Milestone("A", D("2025-03-01"), 30m),
            new Milestone("B", D("2025-04-01"), 29.99m)));
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(100.01)]
    public void Percents_must_lie_within_0_and_100(double percent) =>
        Assert.Equal(["baseline.milestones[0].cumulative_percent"],
            FieldsOf(new Milestone("A", D("2025-03-01"), (decimal)percent)));

    [Fact]
    public void No_milestone_before_the_planned_start_or_after_the_planned_completion()
    {
        Assert.Equal(["baseline.milestones[0].planned_date", "baseline.milestones[1].planned_date"], FieldsOf(
            new Milestone("A", D("2024-12-31"), 10m),
            new Milestone("B", D("2026-01-01"), 100m)));
    }

    [Fact]
    public void Names_are_required_and_unique()
    {
        Assert.Equal(["baseline.milestones[0].name", "baseline.milestones[2].name"], FieldsOf(
            new Milestone(" ", D("2025-02-01"), 10m),
            new Milestone("主体结顶", D("2025-03-01"), 20m),
            new Milestone("主体结顶", D("2025-04-01"), 30m)));
    }

    [Fact]
    public void Equality_compares_the_milestones()
    {
        Assert.Equal(
            new Baseline([new Milestone("A", D("2025-03-01"), 10m)]),
            new Baseline([new Milestone("A", D("2025-03-01"), 10.0m)]));
        Assert.NotEqual(
            new Baseline([new Milestone("A", D("2025-03-01"), 10m)]),
            new Baseline([new Milestone("A", D("2025-03-02"), 10m)]));
    }
}
