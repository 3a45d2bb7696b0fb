using Grpc.Core;
using ProjectHub.Approval.V1;
using ProjectHub.Testing;
using static ProjectHub.Approval.Tests.Service.ApprovalServiceFixture;

namespace ProjectHub.Approval.Tests.Service;

/// <summary>Tables show a department's Chinese name, actions took only its id: either spelling works everywhere.</summary>
[Collection(ApprovalServiceCollection.Name)]
public sealed class DepartmentSpellingTests(ApprovalServiceFixture service)
{
    private const ItemKind Proposal = ItemKind.ProjectProposal; // DRC only

    [Fact]
    public async Task The_Chinese_name_of_a_department_is_accepted_wherever_its_id_is()
    {
        service.At("2026-03-02");
        var opened = await service.OpenAsync("5000");
        await service.Approvals.SubmitItemAsync(new SubmitItemRequest { CaseId = opened.CaseId, Kind = Proposal, Documents = { Doc("proposal.pdf") } }, As(Owner));

        var accepted = await service.Approvals.AcceptItemAsync(
            new AcceptItemRequest { CaseId = opened.CaseId, Kind = Proposal, DepartmentId = "发改委" }, As(TestTokens.Drc));
        Assert.Equal(ItemState.InReview, accepted.State);

        var byName = await service.Approvals.ListCasesAsync(new ListCasesRequest { DepartmentId = "发改委", PageSize = 100 }, As(TestTokens.Drc));
        var byId = await service.Approvals.ListCasesAsync(new ListCasesRequest { DepartmentId = "drc", PageSize = 100 }, As(TestTokens.Drc));
        Assert.Contains(byName.Cases, c => c.CaseId == opened.CaseId);
        Assert.Equal(byId.Cases.Select(c => c.CaseId), byName.Cases.Select(c => c.CaseId));

        var approved = await service.Approvals.ApproveItemAsync(
            new ApproveItemRequest { CaseId = opened.CaseId, Kind = Proposal, DepartmentId = " 发改委 " }, As(TestTokens.Drc));
        Assert.Equal(ItemState.Approved, approved.State);
        Assert.Equal("DRC", (await service.Approvals.GetTimelineAsync(
            new GetTimelineRequest { CaseId = opened.CaseId, Kind = Proposal }, As(TestTokens.Drc))).Entries[^1].DepartmentId);
    }

    [Fact]
    public async Task An_unknown_department_is_refused_naming_the_known_ones_instead_of_an_empty_list()
    {
        var listed = await Assert.ThrowsAsync<RpcException>(() =>
            service.Approvals.ListCasesAsync(new ListCasesRequest { DepartmentId = "发改局" }, As(TestTokens.Drc)).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, listed.StatusCode);
        Assert.Contains("发改局", listed.Status.Detail);
        Assert.Contains("DRC（发改委）", listed.Status.Detail);
        Assert.Contains("HOUSING_CONSTRUCTION（住建局）", listed.Status.Detail);

        service.At("2026-03-02");
        var opened = await service.OpenAsync("5000");
        var before = await service.CaseStateAsync(opened.CaseId);
        var accepted = await Assert.ThrowsAsync<RpcException>(() => service.Approvals.AcceptItemAsync(
            new AcceptItemRequest { CaseId = opened.CaseId, Kind = Proposal, DepartmentId = "发改局" }, As(TestTokens.Drc)).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, accepted.StatusCode);
        Assert.Contains("DRC（发改委）", accepted.Status.Detail);
        Assert.Equal(before, await service.CaseStateAsync(opened.CaseId));
    }
}
