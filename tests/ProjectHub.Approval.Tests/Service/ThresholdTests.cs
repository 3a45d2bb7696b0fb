using Grpc.Core;
using ProjectHub.Approval.V1;
using ProjectHub.Testing;
using static ProjectHub.Approval.Tests.Service.ApprovalServiceFixture;
using Decimal = ProjectHub.Type.V1.Decimal;

namespace ProjectHub.Approval.Tests.Service;

[Collection(ApprovalServiceCollection.Name)]
public sealed class ThresholdTests(ApprovalServiceFixture service)
{
    private static readonly ItemKind[] All =
    [
        ItemKind.ProjectProposal, ItemKind.FeasibilityStudy, ItemKind.PreliminaryDesign,
        ItemKind.LandAndPlanning, ItemKind.EnvironmentalImpact, ItemKind.ConstructionPermit,
    ];

    [Theory]
    // ≤ 400: neither feasibility study nor preliminary design.
    [InlineData("400", false, false, true)]
    // Just above 400: preliminary design in place of the feasibility study (代可研), still no expert review.
    [InlineData("400.01", true, false, true)]
    [InlineData("1000", true, false, true)]
    [InlineData("1000.01", true, false, false)]
    [InlineData("3000", true, false, false)]
    // Just above 3000: every item.
    [InlineData("3000.01", true, true, false)]
    public async Task Government_invested_thresholds_decide_the_items(
        string investment, bool design, bool feasibility, bool noExpertReview)
    {
        service.At("2026-03-02");
        var opened = await service.OpenAsync(investment, governmentInvested: true);

        var kinds = opened.Items.Select(i => i.Kind).ToList();
        Assert.Equal(design, kinds.Contains(ItemKind.PreliminaryDesign));
        Assert.Equal(feasibility, kinds.Contains(ItemKind.FeasibilityStudy));
        Assert.Equal(!noExpertReview, opened.ExpertReviewRequired);
        Assert.Equal(design && !feasibility, opened.PreliminaryDesignInPlaceOfFeasibility);
        Assert.Equal(investment, opened.TotalInvestment.Value);
        Assert.Equal("drc-clerk", opened.OpenedBy);
        Assert.All(opened.Items, i => Assert.Equal(ItemState.NotSubmitted, i.State));

        // The stored case reads back the same.
        var fetched = await service.Approvals.GetCaseAsync(new GetCaseRequest { CaseId = opened.CaseId }, As(Owner));
        Assert.Equal(kinds, fetched.Items.Select(i => i.Kind).ToList());
    }

    [Fact]
    public async Task Thresholds_do_not_apply_to_projects_not_government_invested()
    {
        service.At("2026-03-02");
        var opened = await service.OpenAsync("100", governmentInvested: false);

        Assert.Equal(All, opened.Items.Select(i => i.Kind).ToArray());
        Assert.True(opened.ExpertReviewRequired);
    }

    [Fact]
    public async Task Green_channel_halves_every_limit_rounding_up()
    {
        service.At("2026-03-02");
        var opened = await service.OpenAsync("5000", greenChannel: true);

        var feasibility = opened.Items.Single(i => i.Kind == ItemKind.FeasibilityStudy);
        Assert.Equal(10, feasibility.BaseTimeLimitWorkingDays);
        Assert.Equal(5, feasibility.TimeLimitWorkingDays);
        var permit = opened.Items.Single(i => i.Kind == ItemKind.ConstructionPermit);
        Assert.Equal(3, permit.BaseTimeLimitWorkingDays);
        Assert.Equal(2, permit.TimeLimitWorkingDays);
        Assert.True(opened.GreenChannel);
    }

    [Fact]
    public async Task A_second_case_for_the_same_project_is_refused()
    {
        service.At("2026-03-02");
        var opened = await service.OpenAsync("5000");
        var again = new OpenCaseRequest
        {
            ProjectId = opened.ProjectId, TotalInvestment = new Decimal { Value = "1" },
        };

        var error = await Assert.ThrowsAsync<RpcException>(() => service.Approvals.OpenCaseAsync(again, As(Clerk)).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Equal("CASE_ALREADY_OPEN", error.Reason());
    }
}
