using ProjectHub.Approval.V1;
using Grpc.Core;
using ProjectHub.Security;
using ProjectHub.Testing;
using static ProjectHub.Approval.Tests.Service.ApprovalServiceFixture;
using Decimal = ProjectHub.Type.V1.Decimal;

namespace ProjectHub.Approval.Tests.Service;

/// <summary>Acting departments, list scopes and the recorded actor, beyond the role × RPC matrix.</summary>
[Collection(ApprovalServiceCollection.Name)]
public sealed class AuthorizationScopeTests(ApprovalServiceFixture service)
{
    private const ItemKind Design = ItemKind.PreliminaryDesign; // DRC + HOUSING_CONSTRUCTION + NATURAL_RESOURCES_PLANNING

    private async Task<ApprovalCase> DesignSubmittedAsync()
    {
        service.At("2026-03-02");
        var opened = await service.OpenAsync("5000");
        await service.Approvals.SubmitItemAsync(new SubmitItemRequest { CaseId = opened.CaseId, Kind = Design, Documents = { Doc("design.pdf") } }, As(Owner));
        return opened;
    }

    private async Task DeniedUnchangedAsync(string caseId, Func<Task> call)
    {
        var before = await service.CaseStateAsync(caseId);
        var error = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Equal(before, await service.CaseStateAsync(caseId));
    }

    [Fact]
    public async Task A_department_on_a_joint_item_acts_only_as_itself()
    {
        var opened = await DesignSubmittedAsync();
        var housing = As(TestTokens.Department("住建局"));

        await DeniedUnchangedAsync(opened.CaseId, () => service.Approvals.AcceptItemAsync(new AcceptItemRequest
        {
            CaseId = opened.CaseId, Kind = Design, DepartmentId = "NATURAL_RESOURCES_PLANNING",
        }, housing).ResponseAsync);
        await DeniedUnchangedAsync(opened.CaseId, () => service.Approvals.AcceptItemAsync(new AcceptItemRequest
        {
            CaseId = opened.CaseId, Kind = Design, DepartmentId = "DRC",
        }, housing).ResponseAsync);

        var accepted = await service.Approvals.AcceptItemAsync(new AcceptItemRequest
        {
            CaseId = opened.CaseId, Kind = Design, DepartmentId = "HOUSING_CONSTRUCTION",
        }, housing);
        Assert.Equal(ItemState.InReview, accepted.State);
    }

    [Fact]
    public async Task DRC_staff_act_for_the_DRC_entry_of_an_item_and_for_no_other_department()
    {
        var opened = await DesignSubmittedAsync();
        await service.Approvals.AcceptItemAsync(new AcceptItemRequest { CaseId = opened.CaseId, Kind = Design, DepartmentId = "DRC" }, As(TestTokens.Drc));

        await DeniedUnchangedAsync(opened.CaseId, () => service.Approvals.ApproveItemAsync(new ApproveItemRequest
        {
            CaseId = opened.CaseId, Kind = Design, DepartmentId = "HOUSING_CONSTRUCTION",
        }, As(TestTokens.Drc)).ResponseAsync);

        var approved = await service.Approvals.ApproveItemAsync(new ApproveItemRequest
        {
            CaseId = opened.CaseId, Kind = Design, DepartmentId = "DRC",
        }, As(TestTokens.Drc));
        Assert.Equal(
            [ReviewStatus.Approved, ReviewStatus.Pending, ReviewStatus.Pending],
            approved.Reviews.Select(r => r.Status).ToArray());
    }

    [Fact]
    public async Task A_department_named_as_the_DRC_acts_for_the_DRC_entry()
    {
        var opened = await DesignSubmittedAsync();

        var accepted = await service.Approvals.AcceptItemAsync(new AcceptItemRequest
        {
            CaseId = opened.CaseId, Kind = Design, DepartmentId = "DRC",
        }, As(TestTokens.Department(DepartmentName("DRC"))));

        Assert.Equal(ItemState.InReview, accepted.State);
    }

    [Fact]
    public async Task An_owner_lists_and_reads_only_its_own_cases()
    {
        service.At("2026-03-02");
        var mine = await service.OpenAsync("5000");
        var project = await service.RegisterAsync(NewProjectId(), ownerUnit: "另一城投公司", responsibleUnit: "另一区政府");
        var theirs = await service.Approvals.OpenCaseAsync(new OpenCaseRequest
        {
            ProjectId = project.ProjectId, TotalInvestment = new Decimal { Value = "800" }, OwnerUnit = "另一城投公司",
        }, As(TestTokens.Owner("另一城投公司")));
        Assert.Equal("另一城投公司", theirs.OwnerUnit);

        Assert.True(await service.ListedAsync(mine.CaseId, As(Owner)));
        Assert.False(await service.ListedAsync(theirs.CaseId, As(Owner)));
        Assert.True(await service.ListedAsync(theirs.CaseId, As(TestTokens.Owner("另一城投公司"))));
        var page = await service.Approvals.ListCasesAsync(new ListCasesRequest { PageSize = 100 }, As(Owner));
        Assert.All(page.Cases, c => Assert.Equal(OwnerUnit, c.OwnerUnit));

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            service.Approvals.GetCaseAsync(new GetCaseRequest { CaseId = theirs.CaseId }, As(Owner)).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }

    [Fact]
    public async Task An_unknown_case_is_not_found_whoever_asks()
    {
        foreach (var caller in new[] { TestTokens.Owner("另一城投公司"), TestTokens.Department("交通局") })
        {
            var get = await Assert.ThrowsAsync<RpcException>(() =>
                service.Approvals.GetCaseAsync(new GetCaseRequest { CaseId = "no-such-case" }, As(caller)).ResponseAsync);
            Assert.Equal(StatusCode.NotFound, get.StatusCode);
        }

        var submit = await Assert.ThrowsAsync<RpcException>(() => service.Approvals.SubmitItemAsync(new SubmitItemRequest
        {
            CaseId = "no-such-case", Kind = ItemKind.ConstructionPermit, Documents = { Doc("permit.pdf") },
        }, As(TestTokens.Owner("另一城投公司"))).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, submit.StatusCode);
    }

    [Fact]
    public async Task A_leader_reads_the_cases_of_its_portfolio_only_and_writes_nothing()
    {
        service.At("2026-03-02");
        var mine = await service.OpenAsync("5000"); // leader in charge 张副市长
        var project = await service.RegisterAsync(NewProjectId(), leaderInCharge: "李副市长");
        var theirs = await service.Approvals.OpenCaseAsync(new OpenCaseRequest
        {
            ProjectId = project.ProjectId, TotalInvestment = new Decimal { Value = "5000" },
        }, As(TestTokens.Drc));
        var zhang = As(TestTokens.Leader(LeaderInCharge, "VICE_MAYOR"));

        Assert.True(await service.ListedAsync(mine.CaseId, zhang));
        Assert.False(await service.ListedAsync(theirs.CaseId, zhang));
        Assert.True(await service.ListedAsync(theirs.CaseId, As(TestTokens.Leader("李副市长", "VICE_MAYOR"))));
        var page = await service.Approvals.ListCasesAsync(new ListCasesRequest { PageSize = 100 }, zhang);
        Assert.DoesNotContain(page.Cases, c => c.CaseId == theirs.CaseId);
        Assert.Equal(mine.CaseId, (await service.Approvals.GetCaseAsync(new GetCaseRequest { CaseId = mine.CaseId }, zhang)).CaseId);
        await service.Approvals.GetTimelineAsync(new GetTimelineRequest { CaseId = mine.CaseId, Kind = ItemKind.EnvironmentalImpact }, zhang);

        await DeniedUnchangedAsync(theirs.CaseId, () =>
            service.Approvals.GetCaseAsync(new GetCaseRequest { CaseId = theirs.CaseId }, zhang).ResponseAsync);
        await DeniedUnchangedAsync(mine.CaseId, () => service.Approvals.SubmitItemAsync(new SubmitItemRequest
        {
            CaseId = mine.CaseId, Kind = ItemKind.EnvironmentalImpact, Documents = { Doc("eia.pdf") },
        }, zhang).ResponseAsync);
    }

    [Fact]
    public async Task A_leader_reads_nothing_of_a_project_the_service_has_not_heard_of()
    {
        service.At("2026-03-02");
        var opened = await service.Approvals.OpenCaseAsync(new OpenCaseRequest
        {
            ProjectId = NewProjectId(), TotalInvestment = new Decimal { Value = "5000" }, OwnerUnit = OwnerUnit,
        }, As(TestTokens.Drc));
        var zhang = As(TestTokens.Leader(LeaderInCharge, "VICE_MAYOR"));

        Assert.False(await service.ListedAsync(opened.CaseId, zhang));
        await DeniedUnchangedAsync(opened.CaseId, () =>
            service.Approvals.GetCaseAsync(new GetCaseRequest { CaseId = opened.CaseId }, zhang).ResponseAsync);
    }

    [Fact]
    public async Task The_industry_department_of_a_project_reads_its_case_without_approving_on_it()
    {
        service.At("2026-03-02");
        var project = await service.RegisterAsync(NewProjectId(), industryDepartment: "交通局");
        var opened = await service.Approvals.OpenCaseAsync(new OpenCaseRequest
        {
            ProjectId = project.ProjectId, TotalInvestment = new Decimal { Value = "5000" },
        }, As(TestTokens.Drc));
        var other = await service.OpenAsync("5000"); // industry department 住建局; 交通局 approves nothing on it
        var transport = As(TestTokens.Department("交通局"));
        Assert.DoesNotContain(opened.Items.SelectMany(i => i.Reviews), r => r.DepartmentName == "交通局");

        Assert.True(await service.ListedAsync(opened.CaseId, transport));
        Assert.False(await service.ListedAsync(other.CaseId, transport));
        await service.Approvals.GetCaseAsync(new GetCaseRequest { CaseId = opened.CaseId }, transport);
        await DeniedUnchangedAsync(opened.CaseId, () => service.Approvals.AcceptItemAsync(new AcceptItemRequest
        {
            CaseId = opened.CaseId, Kind = ItemKind.EnvironmentalImpact, DepartmentId = "ECOLOGY_ENVIRONMENT",
        }, transport).ResponseAsync);
    }

    [Fact]
    public async Task The_timeline_records_the_token_subject_and_ignores_an_x_actor_header()
    {
        service.At("2026-03-02");
        var clerk = TestTokens.Drc with { Subject = "陈科长" };
        var opened = await service.Approvals.OpenCaseAsync(new OpenCaseRequest
        {
            ProjectId = "P-" + Guid.NewGuid().ToString("N")[..12], TotalInvestment = new Decimal { Value = "5000" }, OwnerUnit = OwnerUnit,
        }, As(clerk));
        Assert.Equal("陈科长", opened.OpenedBy);

        var owner = TestTokens.Owner(OwnerUnit, "王建国");
        var forged = TestTokens.Headers(owner);
        forged.Add("x-actor", "someone-else");
        await service.Approvals.SubmitItemAsync(new SubmitItemRequest
        {
            CaseId = opened.CaseId, Kind = ItemKind.EnvironmentalImpact, Documents = { Doc("eia.pdf") },
        }, new CallOptions(forged, null, CancellationToken.None));
        await service.Approvals.AcceptItemAsync(new AcceptItemRequest
        {
            CaseId = opened.CaseId, Kind = ItemKind.EnvironmentalImpact, DepartmentId = "ECOLOGY_ENVIRONMENT",
        }, As(TestTokens.Department("生态环境局", "李娜（生态环境局审批科）")));

        var timeline = await service.Approvals.GetTimelineAsync(
            new GetTimelineRequest { CaseId = opened.CaseId, Kind = ItemKind.EnvironmentalImpact }, As(TestTokens.Inspector));
        Assert.Equal(["王建国", "李娜（生态环境局审批科）"], timeline.Entries.Select(e => e.Actor).ToArray());
    }
}
