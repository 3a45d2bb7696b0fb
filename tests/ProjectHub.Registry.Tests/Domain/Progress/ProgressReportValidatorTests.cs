using ProjectHub.Registry.Domain.Progress;
using ProjectHub.Registry.Domain.Projects;
using static ProjectHub.Registry.Tests.Domain.Dates;

namespace ProjectHub.Registry.Tests.Domain.Progress;

public class ProgressReportValidatorTests
{
    private static readonly DateOnly Today = D("2025-03-12"); // a Wednesday

    private static readonly ProjectSchedule Schedule = new(D("2025-01-08"), D("2025-12-31"), new Baseline(
    [
        new Milestone("桩基完成", D("2025-03-01"), 20m),
        new Milestone("主体结顶", D("2025-08-01"), 70m),
    ]));

    private static readonly ProgressReport Valid = new()
    {
        Period = new ReportPeriod(D("2025-03-03"), D("2025-03-09")),
        CumulativePercent = 22.5m,
        PeriodInvestment = 350m,
        CumulativeInvestment = 4200m,
        Workers = 180,
        State = ConstructionState.Normal,
        ReachedMilestones = [new MilestoneReached("桩基完成", D("2025-03-05"))],
        Narrative = "Piling finished.\nPile caps started.",
        Problems = ["Temporary power connection pending"],
    };

    private static List<string> Fields(ProgressReport report) =>
        ProgressReportValidator.Validate(report, Schedule, ReportCadence.Weekly, Today).Select(v => v.Field).ToList();

    [Fact]
    public void A_sound_report_is_valid() => Assert.Empty(Fields(Valid));

    [Theory]
    [InlineData(0, true)]
    [InlineData(100, true)]
    [InlineData(-0.01, false)]
    [InlineData(100.01, false)]
    public void Cumulative_percent_lies_within_0_and_100(double percent, bool valid) =>
        Assert.Equal(valid ? Array.Empty<string>() : ["cumulative_percent"], Fields(Valid with { CumulativePercent = (decimal)percent }));

    [Fact]
    public void Money_and_workers_must_not_be_negative()
    {
        Assert.Equal(["period_investment", "cumulative_investment", "workers"],
            Fields(Valid with { PeriodInvestment = -1m, CumulativeInvestment = -1m, Workers = -1 }));
    }

    [Fact]
    public void Cumulative_investment_includes_the_period()
    {
        Assert.Empty(Fields(Valid with { PeriodInvestment = 4200m }));
        Assert.Equal(["cumulative_investment"], Fields(Valid with { PeriodInvestment = 4200.01m }));
    }

    [Fact]
    public void The_period_must_be_a_whole_week()
    {
        var violation = Assert.Single(ProgressReportValidator.Validate(
            Valid with { Period = new ReportPeriod(D("2025-03-04"), D("2025-03-10")) }, Schedule, ReportCadence.Weekly, Today));
        Assert.Equal("period", violation.Field);
        Assert.Contains("2025-03-03 至 2025-03-09", violation.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_period_wholly_before_the_planned_start_is_refused_but_the_week_holding_it_is_fine()
    {
        // Planned start Wednesday 2025-01-08: the week of 01-06..01-12 may be reported, the one before not.
        Assert.Empty(Fields(Valid with { Period = new ReportPeriod(D("2025-01-06"), D("2025-01-12")), ReachedMilestones = [] }));
        Assert.Equal(["period"], Fields(Valid with { Period = new ReportPeriod(D("2024-12-30"), D("2025-01-05")), ReachedMilestones = [] }));
    }

    [Fact]
    public void The_current_week_may_be_reported_but_not_a_future_one()
    {
        Assert.Empty(Fields(Valid with { Period = new ReportPeriod(D("2025-03-10"), D("2025-03-16")) }));
        Assert.Equal(["period"], Fields(Valid with { Period = new ReportPeriod(D("2025-03-17"), D("2025-03-23")) }));
    }

    [Fact]
    public void Reached_milestones_must_exist_be_listed_once_and_not_lie_in_the_future()
    {
        var report = Valid with
        {
            ReachedMilestones =
            [
                new MilestoneReached("桩基完成", D("2025-03-05")),
                new MilestoneReached("桩基完成", D("2025-03-06")),
                new MilestoneReached("地下室完成", D("2025-03-06")),
                new MilestoneReached("主体结顶", D("2025-03-13")),
            ],
        };
        Assert.Equal(
            ["reached_milestones[1].name", "reached_milestones[2].name", "reached_milestones[3].actual_date"],
            Fields(report));
    }

    [Fact]
    public void Narrative_allows_line_breaks_but_not_other_control_characters()
    {
        Assert.Empty(Fields(Valid with { Narrative = "line one\r\nline two\tindented" }));
        Assert.Equal(["narrative"], Fields(Valid with { Narrative = "bad\u0007bell" }));
        Assert.Equal(["narrative"], Fields(Valid with { Narrative = new string('x', ProgressReportValidator.MaxNarrativeLength + 1) }));
    }

    [Fact]
    public void Problems_must_not_be_blank()
    {
        Assert.Equal(["problems[1]"], Fields(Valid with { Problems = ["用地指标未落实", " "] }));
    }

    [Fact]
    public void Monthly_cadence_accepts_calendar_months()
    {
        var monthly = Valid with { Period = new ReportPeriod(D("2025-02-01"), D("2025-02-28")), ReachedMilestones = [] };
        Assert.Empty(ProgressReportValidator.Validate(monthly, Schedule, ReportCadence.Monthly, Today));
        Assert.NotEmpty(ProgressReportValidator.Validate(Valid, Schedule, ReportCadence.Monthly, Today));
    }
}
