using ProjectHub.Domain;
using ProjectHub.Registry.Domain.Progress;
using static ProjectHub.Registry.Tests.Domain.Dates;

namespace ProjectHub.Registry.Tests.Domain.Progress;

public class MilestoneCarryForwardTests
{
    private static readonly MilestoneReached A = new("主体封顶", D("2025-03-04"));
    private static readonly MilestoneReached B = new("桩基完成", D("2025-03-05"));

    private static ProgressReport Report(params MilestoneReached[] reached) => new()
    {
        Period = new ReportPeriod(D("2025-03-03"), D("2025-03-09")),
        CumulativePercent = 50m,
        ReachedMilestones = reached,
    };

    private static (MilestoneCarryForward.Outcome Outcome, Violations Violations) Apply(
        ProgressReport? current, ProgressReport submitted, params string[] withdrawn)
    {
        var v = new Violations();
        return (MilestoneCarryForward.Apply(current, submitted, withdrawn, v), v);
    }

    [Fact]
    public void A_new_period_keeps_nothing_and_changes_nothing()
    {
        var submitted = Report(A);
        var (outcome, v) = Apply(null, submitted);
        Assert.Same(submitted, outcome.Report);
        Assert.Empty(outcome.Kept);
        Assert.False(v.Any);
    }

    [Fact]
    public void A_replacement_that_leaves_a_milestone_out_keeps_it_and_says_so()
    {
        var (outcome, v) = Apply(Report(A, B), Report(B) with { CumulativePercent = 51m });
        Assert.False(v.Any);
        Assert.Equal([A], outcome.Kept);
        Assert.Equal(["桩基完成", "主体封顶"], outcome.Report.ReachedMilestones.Select(m => m.Name));
        Assert.Equal(51m, outcome.Report.CumulativePercent);
    }

    [Fact]
    public void Leaving_every_milestone_out_of_an_otherwise_same_report_is_identical_to_the_current_version()
    {
        var (outcome, _) = Apply(Report(A, B), Report());
        Assert.Equal(SubmissionKind.Identical, ReportSubmission.Classify(Report(A, B), outcome.Report));
        Assert.Equal([A, B], outcome.Kept);
    }

    [Fact]
    public void A_milestone_listed_again_takes_the_date_given_now_and_is_not_kept()
    {
        var corrected = A with { ActualDate = D("2025-03-06") };
        var (outcome, v) = Apply(Report(A), Report(corrected));
        Assert.False(v.Any);
        Assert.Empty(outcome.Kept);
        Assert.Equal([corrected], outcome.Report.ReachedMilestones);
    }

    [Fact]
    public void A_withdrawn_milestone_is_dropped()
    {
        var (outcome, v) = Apply(Report(A, B), Report(), "主体封顶");
        Assert.False(v.Any);
        Assert.Equal([B], outcome.Kept);
        Assert.Equal([B], outcome.Report.ReachedMilestones);
    }

    [Fact]
    public void Withdrawing_what_is_not_reached_or_is_listed_again_or_on_a_new_period_is_refused_by_position()
    {
        var (_, v) = Apply(Report(A), Report(B), "桩基完成", "未报的里程碑", "主体封顶");
        Assert.Equal(["withdrawn_milestones[0]", "withdrawn_milestones[1]"], v.Items.Select(i => i.Field));
        Assert.Contains("不能同时", v.Items[0].Description, StringComparison.Ordinal);
        Assert.Contains("未报的里程碑", v.Items[1].Description, StringComparison.Ordinal);

        var (_, fresh) = Apply(null, Report(), "主体封顶");
        Assert.Contains("尚未填报", Assert.Single(fresh.Items).Description, StringComparison.Ordinal);
    }
}
