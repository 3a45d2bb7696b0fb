using System.Text.Json;
using ProjectHub.Approval.V1;
using ProjectHub.Contracts.Approval;
using static ProjectHub.Approval.Tests.Service.ApprovalServiceFixture;

namespace ProjectHub.Approval.Tests.Service;

[Collection(ApprovalServiceCollection.Name)]
public sealed class OverdueSweepTests(ApprovalServiceFixture service)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task Due_soon_and_overdue_are_published_once_each_and_cleared_on_approval()
    {
        service.At("2026-03-02"); // Mon
        var opened = await service.OpenAsync("5000");
        var api = service.Approvals;
        const ItemKind kind = ItemKind.ConstructionPermit; // HOUSING_CONSTRUCTION, 3 working days
        await api.SubmitItemAsync(new SubmitItemRequest { CaseId = opened.CaseId, Kind = kind, Documents = { Doc("permit.pdf") } }, As(Owner));
        await api.AcceptItemAsync(new AcceptItemRequest { CaseId = opened.CaseId, Kind = kind, DepartmentId = "HOUSING_CONSTRUCTION" }, AsDepartment("HOUSING_CONSTRUCTION"));

        service.At("2026-03-03"); // 1 used, 2 left: nothing yet
        await service.Sweep.RunAsync(CancellationToken.None);
        Assert.Empty(await service.OutboxAsync<ApprovalDueSoon>(opened.CaseId));

        service.At("2026-03-04"); // 2 used, 1 left: due tomorrow (临期提醒)
        await service.Sweep.RunAsync(CancellationToken.None);
        service.At("2026-03-04", 15);
        await service.Sweep.RunAsync(CancellationToken.None);
        var dueSoon = Assert.Single(await service.OutboxAsync<ApprovalDueSoon>(opened.CaseId));
        Assert.Equal(new DateOnly(2026, 3, 5), JsonSerializer.Deserialize<ApprovalDueSoon>(dueSoon.Payload, Json)!.DueDate);

        service.At("2026-03-06"); // 4 used of 3
        for (var i = 0; i < 3; i++)
        {
            await service.Sweep.RunAsync(CancellationToken.None);
        }

        service.At("2026-03-09");
        await service.Sweep.RunAsync(CancellationToken.None);
        var overdue = JsonSerializer.Deserialize<ApprovalOverdue>(
            Assert.Single(await service.OutboxAsync<ApprovalOverdue>(opened.CaseId)).Payload, Json)!;
        Assert.Equal("ConstructionPermit", overdue.ItemKind);
        Assert.Equal(["HOUSING_CONSTRUCTION"], overdue.Departments);
        Assert.Equal("市城投集团", overdue.OwnerUnit);
        Assert.Equal(new DateOnly(2026, 3, 5), overdue.DueDate);
        Assert.Equal(1, overdue.WorkingDaysOver);

        var listed = await api.ListCasesAsync(new ListCasesRequest { OverdueOnly = true, PageSize = 100 }, As(Clerk));
        Assert.Contains(listed.Cases, c => c.CaseId == opened.CaseId);
        Assert.Empty(await service.OutboxAsync<ApprovalOverdueCleared>(opened.CaseId));

        await api.ApproveItemAsync(new ApproveItemRequest { CaseId = opened.CaseId, Kind = kind, DepartmentId = "HOUSING_CONSTRUCTION" }, AsDepartment("HOUSING_CONSTRUCTION"));
        await service.Sweep.RunAsync(CancellationToken.None);
        Assert.Single(await service.OutboxAsync<ApprovalOverdueCleared>(opened.CaseId));
        Assert.Single(await service.OutboxAsync<ApprovalOverdue>(opened.CaseId));
    }

    [Fact]
    public async Task ApprovalsCompleted_is_published_once_when_the_last_required_item_is_approved()
    {
        service.At("2026-03-02");
        var opened = await service.OpenAsync("300", governmentInvested: true); // 4 single-department items
        var api = service.Approvals;
        var items = opened.Items.Select(i => (i.Kind, i.Reviews.Single().DepartmentId)).ToList();
        Assert.Equal(4, items.Count);

        foreach (var (kind, department) in items)
        {
            Assert.Empty(await service.OutboxAsync<ApprovalsCompleted>(opened.CaseId));
            await api.SubmitItemAsync(new SubmitItemRequest { CaseId = opened.CaseId, Kind = kind, Documents = { Doc($"{kind}.pdf") } }, As(Owner));
            await api.AcceptItemAsync(new AcceptItemRequest { CaseId = opened.CaseId, Kind = kind, DepartmentId = department }, AsDepartment(department));
            await api.ApproveItemAsync(new ApproveItemRequest { CaseId = opened.CaseId, Kind = kind, DepartmentId = department }, AsDepartment(department));
        }

        await service.Sweep.RunAsync(CancellationToken.None);
        var completed = JsonSerializer.Deserialize<ApprovalsCompleted>(
            Assert.Single(await service.OutboxAsync<ApprovalsCompleted>(opened.CaseId)).Payload, Json)!;
        Assert.Equal(opened.ProjectId, completed.ProjectId);
        Assert.True((await api.GetCaseAsync(new GetCaseRequest { CaseId = opened.CaseId }, As(Owner))).ReadyToStartConstruction);
    }

    [Fact]
    public async Task A_return_ends_the_overdue_episode_and_a_reaccepted_item_still_over_its_limit_starts_another()
    {
        service.At("2026-03-02");
        var opened = await service.OpenAsync("5000");
        var api = service.Approvals;
        const ItemKind kind = ItemKind.ConstructionPermit;
        const string department = "HOUSING_CONSTRUCTION";
        await api.SubmitItemAsync(new SubmitItemRequest { CaseId = opened.CaseId, Kind = kind, Documents = { Doc("permit.pdf") } }, As(Owner));
        await api.AcceptItemAsync(new AcceptItemRequest { CaseId = opened.CaseId, Kind = kind, DepartmentId = department }, AsDepartment(department));

        service.At("2026-03-06");
        await service.Sweep.RunAsync(CancellationToken.None);
        await api.ReturnItemAsync(new ReturnItemRequest { CaseId = opened.CaseId, Kind = kind, DepartmentId = department, Reason = "补正" }, AsDepartment(department));
        await service.Sweep.RunAsync(CancellationToken.None); // paused: no new notice
        Assert.Single(await service.OutboxAsync<ApprovalOverdue>(opened.CaseId));
        Assert.Single(await service.OutboxAsync<ApprovalOverdueCleared>(opened.CaseId));

        service.At("2026-03-09");
        await api.SubmitItemAsync(new SubmitItemRequest { CaseId = opened.CaseId, Kind = kind, Documents = { Doc("permit.pdf", "v2") } }, As(Owner));
        await api.AcceptItemAsync(new AcceptItemRequest { CaseId = opened.CaseId, Kind = kind, DepartmentId = department }, AsDepartment(department));
        await service.Sweep.RunAsync(CancellationToken.None);
        await service.Sweep.RunAsync(CancellationToken.None);

        Assert.Equal(2, (await service.OutboxAsync<ApprovalOverdue>(opened.CaseId)).Count);
    }
}
