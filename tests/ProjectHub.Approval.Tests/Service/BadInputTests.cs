using ProjectHub.Approval.V1;
using Grpc.Core;
using ProjectHub.Testing;
using static ProjectHub.Approval.Tests.Service.ApprovalServiceFixture;
using Decimal = ProjectHub.Type.V1.Decimal;

namespace ProjectHub.Approval.Tests.Service;

/// <summary>Each refusal has the right status and leaves every stored row as it was.</summary>
[Collection(ApprovalServiceCollection.Name)]
public sealed class BadInputTests(ApprovalServiceFixture service)
{
    private async Task<RpcException> RefusedUnchangedAsync(Func<Task> call)
    {
        var before = await service.SnapshotAsync();
        var error = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(before, await service.SnapshotAsync());
        return error;
    }

    private async Task<ApprovalCase> SubmittedCaseAsync()
    {
        service.At("2026-03-02");
        var opened = await service.OpenAsync("5000");
        await service.Approvals.SubmitItemAsync(new SubmitItemRequest
        {
            CaseId = opened.CaseId, Kind = ItemKind.ConstructionPermit, Documents = { Doc("permit.pdf") },
        }, As(Owner));
        return opened;
    }

    [Fact]
    public async Task Approving_an_item_not_accepted_is_a_failed_precondition()
    {
        var opened = await SubmittedCaseAsync();

        var error = await RefusedUnchangedAsync(() => service.Approvals.ApproveItemAsync(new ApproveItemRequest
        {
            CaseId = opened.CaseId, Kind = ItemKind.ConstructionPermit, DepartmentId = "HOUSING_CONSTRUCTION",
        }, AsDepartment("HOUSING_CONSTRUCTION")).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Equal("NOT_ACCEPTED", error.Reason());
    }

    [Fact]
    public async Task A_department_not_on_the_item_is_an_invalid_argument()
    {
        var opened = await SubmittedCaseAsync();

        // As admin, who may act for any department: the domain answers. A drc or department caller naming a
        // department not on the item is refused earlier (AuthorizationMatrixTests).
        var error = await RefusedUnchangedAsync(() => service.Approvals.AcceptItemAsync(new AcceptItemRequest
        {
            CaseId = opened.CaseId, Kind = ItemKind.ConstructionPermit, DepartmentId = "DRC",
        }, As(TestTokens.Admin)).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("department_id", Assert.Single(error.FieldViolations()).Field);
    }

    [Fact]
    public async Task An_unknown_case_is_not_found()
    {
        await SubmittedCaseAsync();

        var error = await RefusedUnchangedAsync(() => service.Approvals.AcceptItemAsync(new AcceptItemRequest
        {
            CaseId = "no-such-case", Kind = ItemKind.ConstructionPermit, DepartmentId = "HOUSING_CONSTRUCTION",
        }, AsDepartment("HOUSING_CONSTRUCTION")).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, error.StatusCode);

        var get = await Assert.ThrowsAsync<RpcException>(() => service.Approvals.GetCaseAsync(new GetCaseRequest { CaseId = "no-such-case" }, As(Owner)).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, get.StatusCode);
    }

    [Fact]
    public async Task An_item_the_project_does_not_need_is_not_found()
    {
        service.At("2026-03-02");
        var opened = await service.OpenAsync("300", governmentInvested: true);

        var error = await RefusedUnchangedAsync(() => service.Approvals.SubmitItemAsync(new SubmitItemRequest
        {
            CaseId = opened.CaseId, Kind = ItemKind.FeasibilityStudy, Documents = { Doc("fsr.pdf") },
        }, As(Owner)).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task A_malformed_sha256_is_an_invalid_argument_naming_the_field()
    {
        service.At("2026-03-02");
        var opened = await service.OpenAsync("5000");
        var bad = Doc("permit.pdf");
        bad.Sha256 = "not-a-hash";

        var error = await RefusedUnchangedAsync(() => service.Approvals.SubmitItemAsync(new SubmitItemRequest
        {
            CaseId = opened.CaseId, Kind = ItemKind.ConstructionPermit, Documents = { Doc("ok.pdf"), bad },
        }, As(Owner)).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("documents[1].sha256", Assert.Single(error.FieldViolations()).Field);
    }

    [Fact]
    public async Task OpenCase_names_every_bad_field()
    {
        service.At("2026-03-02");

        var error = await RefusedUnchangedAsync(() => service.Approvals.OpenCaseAsync(new OpenCaseRequest
        {
            ProjectId = "", TotalInvestment = new Decimal { Value = "12.5e3" }, OwnerUnit = "",
        }, As(Clerk)).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(
            ["owner_unit", "project_id", "total_investment"],
            error.FieldViolations().Select(v => v.Field).Order().ToArray());
    }

    [Fact]
    public async Task A_return_without_a_reason_is_an_invalid_argument()
    {
        var opened = await SubmittedCaseAsync();
        await service.Approvals.AcceptItemAsync(new AcceptItemRequest
        {
            CaseId = opened.CaseId, Kind = ItemKind.ConstructionPermit, DepartmentId = "HOUSING_CONSTRUCTION",
        }, AsDepartment("HOUSING_CONSTRUCTION"));

        var error = await RefusedUnchangedAsync(() => service.Approvals.ReturnItemAsync(new ReturnItemRequest
        {
            CaseId = opened.CaseId, Kind = ItemKind.ConstructionPermit, DepartmentId = "HOUSING_CONSTRUCTION", Reason = " ",
        }, AsDepartment("HOUSING_CONSTRUCTION")).ResponseAsync);

        Assert.Equal("reason", Assert.Single(error.FieldViolations()).Field);
    }
}
