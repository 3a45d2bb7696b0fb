using ProjectHub.Approval.Domain;
using ProjectHub.Domain;
using static ProjectHub.Approval.Tests.Fixtures;

namespace ProjectHub.Approval.Tests;

/// <summary>Refusals are read by people: Chinese, with the item's display name and state; the reason stays a code.</summary>
public class RefusalTextTests
{
    [Fact]
    public void A_state_refusal_names_the_item_and_its_state_in_Chinese_and_keeps_its_English_reason()
    {
        var item = SingleDepartmentItem();

        var error = Assert.Throws<DomainException>(() => item.Accept("HOUSING_CONSTRUCTION", "clerk", At("2025-03-04")));

        Assert.Equal("NOT_SUBMITTED", error.Reason);
        Assert.Equal("施工许可当前未提交，没有待受理的提交。", error.Message);
    }

    [Fact]
    public void Deciding_an_item_not_in_review_and_changing_an_approved_one_are_refused_in_Chinese()
    {
        var returned = InReview(SingleDepartmentItem(), "2025-03-03", "2025-03-04");
        returned.Return("HOUSING_CONSTRUCTION", "reviewer", At("2025-03-05"), "缺少总平面图");
        var approved = InReview(SingleDepartmentItem(), "2025-03-03", "2025-03-04");
        approved.Approve("HOUSING_CONSTRUCTION", "reviewer", At("2025-03-05"));

        var decide = Assert.Throws<DomainException>(() => returned.Approve("HOUSING_CONSTRUCTION", "reviewer", At("2025-03-06")));
        var change = Assert.Throws<DomainException>(() => approved.Submit(Docs, "owner", At("2025-03-06")));
        var stranger = Assert.Throws<DomainException>(() => returned.Accept("DRC", "clerk", At("2025-03-06")));

        Assert.Equal("施工许可当前已退回补正，只有已受理（审查中）的事项才能批准或退回。", decide.Message);
        Assert.Equal("施工许可已批准，不能再变更。", change.Message);
        Assert.Equal("“DRC”不是施工许可的审批部门；审批部门：住建局（HOUSING_CONSTRUCTION）。", stranger.Message);
        Assert.Equal(("NOT_ACCEPTED", "ALREADY_APPROVED", "DEPARTMENT_NOT_ON_ITEM"), (decide.Reason, change.Reason, stranger.Reason));
    }
}
