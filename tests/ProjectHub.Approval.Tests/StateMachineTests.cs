using ProjectHub.Approval.Domain;
using ProjectHub.Domain;
using static ProjectHub.Approval.Tests.Fixtures;

namespace ProjectHub.Approval.Tests;

public class StateMachineTests
{
    private const string Housing = "HOUSING_CONSTRUCTION";

    [Fact]
    public void Happy_path_records_every_change()
    {
        var item = SingleDepartmentItem();

        var submitted = item.Submit(Docs, "owner-1", At("2025-03-03"), "first submission");
        var accepted = item.Accept(Housing, "clerk-1", At("2025-03-04"));
        var approved = item.Approve(Housing, "reviewer-1", At("2025-03-06"), "ok");

        Assert.Equal(ApprovalItemState.Approved, item.State);
        Assert.Equal(
            (ApprovalItemKind.ConstructionPermit, ApprovalAction.Submit, ApprovalItemState.NotSubmitted,
                ApprovalItemState.Submitted, "owner-1", (string?)null, At("2025-03-03"), "first submission"),
            (submitted.Item, submitted.Action, submitted.From, submitted.To, submitted.Actor, submitted.DepartmentId,
                submitted.At, submitted.Note));
        Assert.Equal(Docs, submitted.Documents);
        Assert.Equal((ApprovalItemState.Submitted, ApprovalItemState.InReview, Housing, "clerk-1"),
            (accepted.From, accepted.To, accepted.DepartmentId, accepted.Actor));
        Assert.Equal((ApprovalItemState.InReview, ApprovalItemState.Approved, "ok", At("2025-03-06")),
            (approved.From, approved.To, approved.Note, approved.At));
        Assert.Empty(approved.Documents);
    }

    [Fact]
    public void Return_and_resubmit_goes_round_again()
    {
        var item = InReview(SingleDepartmentItem(), "2025-03-03", "2025-03-04");

        var returned = item.Return(Housing, "reviewer", At("2025-03-05"), "site plan missing");
        var resubmitted = item.Submit([.. Docs, Doc("site-plan.pdf")], "owner", At("2025-03-10"));
        item.Accept(Housing, "clerk", At("2025-03-11"));
        item.Approve(Housing, "reviewer", At("2025-03-12"));

        Assert.Equal((ApprovalItemState.InReview, ApprovalItemState.Returned, "site plan missing"), (returned.From, returned.To, returned.Note));
        Assert.Equal((ApprovalItemState.Returned, ApprovalItemState.Submitted), (resubmitted.From, resubmitted.To));
        Assert.Equal(2, item.Documents.Count);
        Assert.Equal(ApprovalItemState.Approved, item.State);
    }

    public static TheoryData<string, ApprovalErrorReason, ApprovalErrorCategory> InvalidTransitions() => new()
    {
        { "accept before submit", ApprovalErrorReason.NotSubmitted, ApprovalErrorCategory.FailedPrecondition },
        { "approve before accept", ApprovalErrorReason.NotAccepted, ApprovalErrorCategory.FailedPrecondition },
        { "return before accept", ApprovalErrorReason.NotAccepted, ApprovalErrorCategory.FailedPrecondition },
        { "approve never submitted", ApprovalErrorReason.NotAccepted, ApprovalErrorCategory.FailedPrecondition },
        { "submit twice", ApprovalErrorReason.AlreadySubmitted, ApprovalErrorCategory.FailedPrecondition },
        { "submit in review", ApprovalErrorReason.AlreadySubmitted, ApprovalErrorCategory.FailedPrecondition },
        { "accept twice", ApprovalErrorReason.AlreadyAccepted, ApprovalErrorCategory.FailedPrecondition },
        { "accept returned", ApprovalErrorReason.NotSubmitted, ApprovalErrorCategory.FailedPrecondition },
        { "approve returned", ApprovalErrorReason.NotAccepted, ApprovalErrorCategory.FailedPrecondition },
        { "approve approved", ApprovalErrorReason.AlreadyApproved, ApprovalErrorCategory.FailedPrecondition },
        { "submit approved", ApprovalErrorReason.AlreadyApproved, ApprovalErrorCategory.FailedPrecondition },
        { "return approved", ApprovalErrorReason.AlreadyApproved, ApprovalErrorCategory.FailedPrecondition },
        { "foreign department approves", ApprovalErrorReason.DepartmentNotOnItem, ApprovalErrorCategory.InvalidArgument },
        { "foreign department accepts", ApprovalErrorReason.DepartmentNotOnItem, ApprovalErrorCategory.InvalidArgument },
        { "return without reason", ApprovalErrorReason.ReasonRequired, ApprovalErrorCategory.InvalidArgument },
        { "submit nothing", ApprovalErrorReason.DocumentsRequired, ApprovalErrorCategory.InvalidArgument },
        { "submit duplicate", ApprovalErrorReason.DuplicateDocument, ApprovalErrorCategory.InvalidArgument },
        { "no actor", ApprovalErrorReason.ActorRequired, ApprovalErrorCategory.InvalidArgument },
        { "back in time", ApprovalErrorReason.OutOfOrder, ApprovalErrorCategory.InvalidArgument },
    };

    [Theory]
    [MemberData(nameof(InvalidTransitions))]
    public void Invalid_operations_are_refused_with_a_reason_and_change_nothing(
        string scenario, ApprovalErrorReason reason, ApprovalErrorCategory category)
    {
        var item = SingleDepartmentItem();
        var (setUp, act) = Scenario(scenario);
        setUp(item);
        var stateBefore = item.State;
        var reviewsBefore = item.Reviews.ToArray();
        var periodsBefore = item.ReviewPeriods.ToArray();

        var error = Refused(() => act(item));

        Assert.Equal(DomainException.ReasonOf(reason), error.Reason);
        Assert.Equal(KindOf(category), error.Kind);
        Assert.Equal(stateBefore, item.State);
        Assert.Equal(reviewsBefore, item.Reviews);
        Assert.Equal(periodsBefore, item.ReviewPeriods);
    }

    [Fact]
    public void Refusals_name_the_bad_argument()
    {
        var item = SingleDepartmentItem();
        item.Submit(Docs, "owner", At("2025-03-03"));

        // Named as the proto names the request field (department_id for the domain's departmentId).
        Assert.Equal("department_id", Assert.Single(Refused(() => item.Accept("DRC", "clerk", At("2025-03-04"))).Violations).Field);
        Assert.Equal("actor", Assert.Single(Refused(() => item.Accept(Housing, " ", At("2025-03-04"))).Violations).Field);
    }

    [Fact]
    public void Only_state_reasons_are_failed_preconditions()
    {
        var preconditions = Enum.GetValues<ApprovalErrorReason>()
            .Where(r => ApprovalErrors.CategoryOf(r) == ApprovalErrorCategory.FailedPrecondition);

        Assert.Equal(
            [
                ApprovalErrorReason.AlreadySubmitted, ApprovalErrorReason.NotSubmitted, ApprovalErrorReason.AlreadyAccepted,
                ApprovalErrorReason.NotAccepted, ApprovalErrorReason.AlreadyApproved, ApprovalErrorReason.DepartmentAlreadyApproved,
            ],
            preconditions);
        Assert.Equal(ApprovalErrorCategory.NotFound, ApprovalErrors.CategoryOf(ApprovalErrorReason.ItemNotRequired));
    }

    private static (Action<ApprovalItem> SetUp, Action<ApprovalItem> Act) Scenario(string name)
    {
        static void None(ApprovalItem i)
        {
        }

        static void Submitted(ApprovalItem i) => i.Submit(Docs, "owner", At("2025-03-03"));

        static void Accepted(ApprovalItem i)
        {
            Submitted(i);
            i.Accept(Housing, "clerk", At("2025-03-04"));
        }

        static void Returned(ApprovalItem i)
        {
            Accepted(i);
            i.Return(Housing, "reviewer", At("2025-03-05"), "fix it");
        }

        static void Approved(ApprovalItem i)
        {
            Accepted(i);
            i.Approve(Housing, "reviewer", At("2025-03-05"));
        }

        var later = At("2025-03-20");
        return name switch
        {
            "accept before submit" => (None, i => i.Accept(Housing, "clerk", later)),
            "approve before accept" => (Submitted, i => i.Approve(Housing, "reviewer", later)),
            "return before accept" => (Submitted, i => i.Return(Housing, "reviewer", later, "no")),
            "approve never submitted" => (None, i => i.Approve(Housing, "reviewer", later)),
            "submit twice" => (Submitted, i => i.Submit(Docs, "owner", later)),
            "submit in review" => (Accepted, i => i.Submit(Docs, "owner", later)),
            "accept twice" => (Accepted, i => i.Accept(Housing, "clerk", later)),
            "accept returned" => (Returned, i => i.Accept(Housing, "clerk", later)),
            "approve returned" => (Returned, i => i.Approve(Housing, "reviewer", later)),
            "approve approved" => (Approved, i => i.Approve(Housing, "reviewer", later)),
            "submit approved" => (Approved, i => i.Submit(Docs, "owner", later)),
            "return approved" => (Approved, i => i.Return(Housing, "reviewer", later, "too late")),
            "foreign department approves" => (Accepted, i => i.Approve("DRC", "reviewer", later)),
            "foreign department accepts" => (Submitted, i => i.Accept("ECOLOGY_ENVIRONMENT", "clerk", later)),
            "return without reason" => (Accepted, i => i.Return(Housing, "reviewer", later, "  ")),
            "submit nothing" => (None, i => i.Submit([], "owner", later)),
            "submit duplicate" => (None, i => i.Submit([Doc("a.pdf", "same"), Doc("b.pdf", "same")], "owner", later)),
            "no actor" => (Submitted, i => i.Accept(Housing, "", later)),
            "back in time" => (Accepted, i => i.Approve(Housing, "reviewer", At("2025-03-01"))),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
        };
    }
}
