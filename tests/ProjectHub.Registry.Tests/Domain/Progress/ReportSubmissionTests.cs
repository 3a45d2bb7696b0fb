using ProjectHub.Registry.Domain.Progress;
using static ProjectHub.Registry.Tests.Domain.Dates;

namespace ProjectHub.Registry.Tests.Domain.Progress;

public class ReportSubmissionTests
{
    private static ProgressReport Report() => new()
    {
        Period = new ReportPeriod(D("2025-03-03"), D("2025-03-09")),
        CumulativePercent = 50m,
        PeriodInvestment = 100m,
        CumulativeInvestment = 900m,
        Workers = 40,
        State = ConstructionState.Normal,
        ReachedMilestones = [new MilestoneReached("A", D("2025-03-04")), new MilestoneReached("B", D("2025-03-05"))],
        Narrative = "ok",
        Problems = ["p1", "p2"],
    };

    [Fact]
    public void The_first_report_for_a_period_is_new() =>
        Assert.Equal(SubmissionKind.New, ReportSubmission.Classify(null, Report()));

    [Fact]
    public void The_same_content_is_identical_even_with_other_list_instances_milestone_order_and_decimal_scale()
    {
        var again = Report() with
        {
            CumulativePercent = 50.00m,
            ReachedMilestones = [new MilestoneReached("B", D("2025-03-05")), new MilestoneReached("A", D("2025-03-04"))],
        };
        Assert.Equal(SubmissionKind.Identical, ReportSubmission.Classify(Report(), again));
        Assert.Single(new HashSet<ProgressReport> { Report(), again });
    }

    [Fact]
    public void Any_changed_figure_or_text_replaces()
    {
        Assert.Equal(SubmissionKind.Replaces, ReportSubmission.Classify(Report(), Report() with { CumulativePercent = 50.01m }));
        Assert.Equal(SubmissionKind.Replaces, ReportSubmission.Classify(Report(), Report() with { Narrative = "ok." }));
        Assert.Equal(SubmissionKind.Replaces, ReportSubmission.Classify(Report(), Report() with { Problems = ["p2", "p1"] }));
        Assert.Equal(SubmissionKind.Replaces, ReportSubmission.Classify(Report(), Report() with { ReachedMilestones = [new MilestoneReached("A", D("2025-03-04"))] }));
    }

    [Fact]
    public void The_current_report_must_be_for_the_same_period()
    {
        var otherWeek = Report() with { Period = new ReportPeriod(D("2025-03-10"), D("2025-03-16")) };
        Assert.Throws<ArgumentException>(() => ReportSubmission.Classify(otherWeek, Report()));
    }
}
