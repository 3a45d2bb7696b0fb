using ProjectHub.Approval.Domain;
using ProjectHub.Domain;
using static ProjectHub.Approval.Tests.Fixtures;

namespace ProjectHub.Approval.Tests;

public class JointReviewTests
{
    private const string Drc = "DRC";
    private const string Housing = "HOUSING_CONSTRUCTION";
    private const string Planning = "NATURAL_RESOURCES_PLANNING";

    private static readonly DocumentReference Design = Doc("design.pdf", "design v1");
    private static readonly DocumentReference Budget = Doc("budget.xlsx", "budget v1");

    [Fact]
    public void Approved_only_when_every_department_has_signed()
    {
        var item = JointItem();
        item.Submit([Design, Budget], "owner", At("2025-03-03"));
        item.Accept(Drc, "clerk", At("2025-03-04"));

        var first = item.Approve(Planning, "p", At("2025-03-05"));
        var second = item.Approve(Drc, "d", At("2025-03-05"));
        var statesBeforeLast = item.State;
        var last = item.Approve(Housing, "h", At("2025-03-06"));

        Assert.True(item.IsJointReview);
        Assert.Equal((ApprovalItemState.InReview, ApprovalItemState.InReview), (first.From, first.To));
        Assert.Equal(ApprovalItemState.InReview, second.To);
        Assert.Equal(ApprovalItemState.InReview, statesBeforeLast);
        Assert.Equal((ApprovalItemState.InReview, ApprovalItemState.Approved, Housing), (last.From, last.To, last.DepartmentId));
        Assert.All(item.Reviews, r => Assert.Equal(DepartmentReviewStatus.Approved, r.Status));
    }

    [Fact]
    public void Three_departments_one_return_keeps_unchanged_sign_offs()
    {
        var item = JointItem();
        item.Submit([Design, Budget], "owner", At("2025-03-03"));
        item.Accept(Drc, "clerk", At("2025-03-04"));
        item.Approve(Drc, "d", At("2025-03-05"));

        var returned = item.Return(Housing, "h", At("2025-03-06"), "fire-safety chapter missing");
        var planningWhileReturned = Refused(() => item.Approve(Planning, "p", At("2025-03-06")));

        // Resubmission adds a supplement; the documents DRC signed are unchanged.
        item.Submit([Design, Budget, Doc("fire-safety.pdf")], "owner", At("2025-03-10"));
        Assert.Equal(
            [DepartmentReviewStatus.Approved, DepartmentReviewStatus.Pending, DepartmentReviewStatus.Pending],
            item.Reviews.Select(r => r.Status));

        item.Accept(Drc, "clerk", At("2025-03-11"));
        var drcAgain = Refused(() => item.Approve(Drc, "d", At("2025-03-11")));
        item.Approve(Housing, "h", At("2025-03-12"));
        var final = item.Approve(Planning, "p", At("2025-03-12"));

        Assert.Equal(ApprovalItemState.Returned, returned.To);
        Assert.Equal(DomainException.ReasonOf(ApprovalErrorReason.NotAccepted), planningWhileReturned.Reason);
        Assert.Equal(DomainException.ReasonOf(ApprovalErrorReason.DepartmentAlreadyApproved), drcAgain.Reason);
        Assert.Equal(ApprovalItemState.Approved, final.To);
    }

    [Fact]
    public void Changed_document_voids_prior_sign_offs()
    {
        var item = JointItem();
        item.Submit([Design, Budget], "owner", At("2025-03-03"));
        item.Accept(Drc, "clerk", At("2025-03-04"));
        item.Approve(Drc, "d", At("2025-03-05"));
        item.Approve(Planning, "p", At("2025-03-05"));
        item.Return(Housing, "h", At("2025-03-06"), "budget wrong");

        // Same file name, new content: what DRC and Planning signed is gone.
        item.Submit([Design, Doc("budget.xlsx", "budget v2")], "owner", At("2025-03-10"));
        item.Accept(Drc, "clerk", At("2025-03-11"));
        var afterTwo = new[] { item.Approve(Housing, "h", At("2025-03-12")), item.Approve(Planning, "p", At("2025-03-12")) };
        var last = item.Approve(Drc, "d", At("2025-03-13"));

        Assert.All(afterTwo, e => Assert.Equal(ApprovalItemState.InReview, e.To));
        Assert.Equal(ApprovalItemState.Approved, last.To);
    }

    [Fact]
    public void Removed_document_voids_prior_sign_offs()
    {
        var item = JointItem();
        item.Submit([Design, Budget], "owner", At("2025-03-03"));
        item.Accept(Drc, "clerk", At("2025-03-04"));
        item.Approve(Drc, "d", At("2025-03-05"));
        item.Return(Housing, "h", At("2025-03-06"), "drop the budget, it belongs elsewhere");

        item.Submit([Design], "owner", At("2025-03-10"));

        Assert.All(item.Reviews, r => Assert.Equal(DepartmentReviewStatus.Pending, r.Status));
    }

    [Fact]
    public void Returning_department_reviews_again_even_with_identical_documents()
    {
        var item = JointItem();
        item.Submit([Design], "owner", At("2025-03-03"));
        item.Accept(Drc, "clerk", At("2025-03-04"));
        item.Approve(Drc, "d", At("2025-03-05"));
        item.Return(Housing, "h", At("2025-03-06"), "please clarify");
        item.Submit([Design], "owner", At("2025-03-07"));

        Assert.Equal(DepartmentReviewStatus.Approved, item.Reviews[0].Status);
        Assert.Equal(DepartmentReviewStatus.Pending, item.Reviews[1].Status);
    }

    [Fact]
    public void A_return_by_any_department_pauses_the_clock()
    {
        var item = JointItem(limit: 10);
        item.Submit([Design], "owner", At("2025-03-03"));
        item.Accept(Drc, "clerk", At("2025-03-03"));
        item.Return(Planning, "p", At("2025-03-05"), "wrong site boundary");

        var clock = item.Clock(ChinaCalendar, D("2025-03-31"));

        Assert.Equal(ClockState.Paused, clock.State);
        Assert.Equal(2, clock.DaysUsed);
    }
}
