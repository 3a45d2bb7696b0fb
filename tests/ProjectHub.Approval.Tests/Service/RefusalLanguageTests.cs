using Grpc.Core;
using ProjectHub.Approval.V1;
using ProjectHub.Testing;
using static ProjectHub.Approval.Tests.Service.ApprovalServiceFixture;

namespace ProjectHub.Approval.Tests.Service;

/// <summary>What a person reads from the approval service is Chinese; reason codes stay English.</summary>
[Collection(ApprovalServiceCollection.Name)]
public sealed class RefusalLanguageTests(ApprovalServiceFixture service)
{
    [Fact]
    public async Task State_refusals_bad_fields_and_denials_are_Chinese()
    {
        service.At("2026-03-02");
        var opened = await service.OpenAsync("5000");

        var notSubmitted = await Assert.ThrowsAsync<RpcException>(() => service.Approvals.AcceptItemAsync(
            new AcceptItemRequest { CaseId = opened.CaseId, Kind = ItemKind.ProjectProposal, DepartmentId = "DRC" }, As(TestTokens.Drc)).ResponseAsync);
        var missing = await Assert.ThrowsAsync<RpcException>(() => service.Approvals.ReturnItemAsync(
            new ReturnItemRequest { CaseId = opened.CaseId, Kind = ItemKind.ProjectProposal, DepartmentId = "DRC" }, As(TestTokens.Drc)).ResponseAsync);
        var denied = await Assert.ThrowsAsync<RpcException>(() => service.Approvals.SubmitItemAsync(
            new SubmitItemRequest { CaseId = opened.CaseId, Kind = ItemKind.ProjectProposal, Documents = { Doc("a.pdf") } },
            As(TestTokens.Owner("别的业主"))).ResponseAsync);
        var unknownCase = await Assert.ThrowsAsync<RpcException>(() => service.Approvals.GetCaseAsync(
            new GetCaseRequest { CaseId = "0000000000000000000000000000dead" }, As(TestTokens.Drc)).ResponseAsync);

        Assert.Equal((StatusCode.FailedPrecondition, "项目建议书当前未提交，没有待受理的提交。"), (notSubmitted.StatusCode, notSubmitted.Status.Detail));
        Assert.Equal(StatusCode.InvalidArgument, missing.StatusCode);
        Assert.Contains("reason 为必填项。", missing.Status.Detail);
        Assert.Equal((StatusCode.PermissionDenied, $"业主单位“别的业主”无权提交项目 {opened.ProjectId} 的审批事项。"), (denied.StatusCode, denied.Status.Detail));
        Assert.Equal((StatusCode.NotFound, "审批案件 0000000000000000000000000000dead 不存在。"), (unknownCase.StatusCode, unknownCase.Status.Detail));
    }
}
