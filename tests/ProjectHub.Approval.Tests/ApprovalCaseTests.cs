using ProjectHub.Approval.Domain;
using ProjectHub.Domain;
using static ProjectHub.Approval.Tests.Fixtures;

namespace ProjectHub.Approval.Tests;

public class ApprovalCaseTests
{
    [Fact]
    public void Ready_to_start_construction_when_every_required_item_is_approved()
    {
        // 400 万元, government-invested: no feasibility study, no preliminary design.
        var @case = ApprovalCase.Open("P-1", 400m, governmentInvested: true, greenChannel: false, ApprovalRules.Default);
        var readiness = new List<bool>();

        foreach (var item in @case.Items)
        {
            readiness.Add(@case.IsReadyToStartConstruction);
            ApproveFully(item);
        }

        Assert.Equal(4, @case.Items.Count);
        Assert.All(readiness, Assert.False);
        Assert.True(@case.IsReadyToStartConstruction);
        Assert.False(@case.ExpertReviewRequired);
    }

    [Fact]
    public void A_joint_item_half_signed_keeps_the_project_from_starting()
    {
        var @case = ApprovalCase.Open("P-2", 2000m, true, false, ApprovalRules.Default);
        foreach (var item in @case.Items.Where(i => i.Kind != ApprovalItemKind.PreliminaryDesign))
        {
            ApproveFully(item);
        }

        var design = @case.Item(ApprovalItemKind.PreliminaryDesign);
        design.Submit(Docs, "owner", At("2025-03-03"));
        design.Accept("DRC", "clerk", At("2025-03-04"));
        design.Approve("DRC", "d", At("2025-03-05"));
        design.Approve("HOUSING_CONSTRUCTION", "h", At("2025-03-05"));

        Assert.True(@case.PreliminaryDesignInPlaceOfFeasibility);
        Assert.False(@case.IsReadyToStartConstruction);
        design.Approve("NATURAL_RESOURCES_PLANNING", "p", At("2025-03-06"));
        Assert.True(@case.IsReadyToStartConstruction);
    }

    [Fact]
    public void Items_not_required_are_not_found()
    {
        var @case = ApprovalCase.Open("P-3", 2000m, true, false, ApprovalRules.Default);

        var error = Refused(() => @case.Item(ApprovalItemKind.FeasibilityStudy));

        Assert.Equal(DomainException.ReasonOf(ApprovalErrorReason.ItemNotRequired), error.Reason);
        Assert.Equal(DomainErrorKind.NotFound, error.Kind);
    }

    [Fact]
    public void Overdue_items_are_listed()
    {
        var @case = ApprovalCase.Open("P-4", 5000m, true, false, ApprovalRules.Default);
        var permit = @case.Item(ApprovalItemKind.ConstructionPermit); // 3 working days
        permit.Submit(Docs, "owner", At("2026-02-11"));
        permit.Accept("HOUSING_CONSTRUCTION", "clerk", At("2026-02-12"));

        Assert.Empty(@case.OverdueItems(ChinaCalendar, D("2026-02-24")));
        Assert.Equal([permit], @case.OverdueItems(ChinaCalendar, D("2026-02-25")));
    }

    [Fact]
    public void Replaying_the_timeline_rebuilds_the_item()
    {
        var original = JointItem();
        var timeline = new List<TimelineEntry>
        {
            original.Submit([Doc("a.pdf"), Doc("b.pdf")], "owner", At("2025-09-25")),
            original.Accept("DRC", "clerk", At("2025-09-26")),
            original.Approve("DRC", "d", At("2025-09-28")),
            original.Return("HOUSING_CONSTRUCTION", "h", At("2025-09-29"), "fix b"),
            original.Submit([Doc("a.pdf"), Doc("b.pdf", "b v2")], "owner", At("2025-10-08")),
            original.Accept("DRC", "clerk", At("2025-10-09")),
            original.Approve("HOUSING_CONSTRUCTION", "h", At("2025-10-10")),
        };

        var rebuilt = JointItem();
        var replayed = timeline.Select(rebuilt.Apply).ToList();

        Assert.Equal(timeline.Select(e => (e.Action, e.From, e.To, e.At)), replayed.Select(e => (e.Action, e.From, e.To, e.At)));
        Assert.Equal(original.State, rebuilt.State);
        Assert.Equal(original.Reviews.Select(r => r.Status), rebuilt.Reviews.Select(r => r.Status));
        Assert.Equal(original.ReviewPeriods, rebuilt.ReviewPeriods);
        Assert.Equal(original.Documents, rebuilt.Documents);
        Assert.Equal(original.Clock(ChinaCalendar, D("2025-10-13")), rebuilt.Clock(ChinaCalendar, D("2025-10-13")));
    }

    private static void ApproveFully(ApprovalItem item)
    {
        item.Submit(Docs, "owner", At("2025-03-03"));
        item.Accept(item.Reviews[0].Department.Id, "clerk", At("2025-03-04"));
        foreach (var review in item.Reviews.ToList())
        {
            item.Approve(review.Department.Id, "reviewer", At("2025-03-05"));
        }
    }
}
