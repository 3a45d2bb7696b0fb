using Microsoft.EntityFrameworkCore;
using ProjectHub.Approval.Consumers;
using ProjectHub.Approval.V1;
using ProjectHub.Contracts.Registry;
using Grpc.Core;
using ProjectHub.Hosting.Messaging;
using ProjectHub.Security;
using ProjectHub.Testing;
using static ProjectHub.Approval.Tests.Service.ApprovalServiceFixture;
using Decimal = ProjectHub.Type.V1.Decimal;

namespace ProjectHub.Approval.Tests.Service;

/// <summary>
/// The approval service's copy of project routing, fed by the registry's events, and what it decides: which owner may
/// open, read and submit a project's case.
/// </summary>
[Collection(ApprovalServiceCollection.Name)]
public sealed class ProjectRoutingTests(ApprovalServiceFixture service)
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);

    private Task<ProjectHub.Hosting.Projects.ProjectRoute[]> RoutesAsync(string projectId) =>
        service.WithDbAsync(db => db.ProjectRoutes.AsNoTracking().Where(r => r.ProjectId == projectId).ToArrayAsync());

    private Task<int> InboxCountAsync(Guid eventId) =>
        service.WithDbAsync(db => db.Set<ProcessedMessage>().CountAsync(m => m.MessageId == eventId));

    private static ProjectRegistered Registered(ProjectRouting routing, DateTimeOffset at) => new(
        Guid.NewGuid(), at, routing, "MUNICIPAL_MAJOR", "PRE_CONSTRUCTION", 5000m, 1000m,
        new DateOnly(2026, 3, 1), new DateOnly(2027, 12, 31), "drc-clerk");

    private static ProjectUpdated Updated(ProjectRouting routing, DateTimeOffset at) =>
        new(Guid.NewGuid(), at, routing, ["owner_unit", "responsible_unit"], "调整业主及责任单位", "drc-clerk");

    private async Task<RpcException> RefusedUnchangedAsync(Func<Task> call)
    {
        var before = await service.SnapshotAsync();
        var error = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(before, await service.SnapshotAsync());
        return error;
    }

    private AsyncUnaryCall<ApprovalCase> Open(string projectId, Caller caller, string ownerUnit = "") =>
        service.Approvals.OpenCaseAsync(new OpenCaseRequest
        {
            ProjectId = projectId, TotalInvestment = new Decimal { Value = "5000" }, OwnerUnit = ownerUnit,
        }, As(caller));

    [Fact]
    public async Task The_same_event_twice_keeps_one_row_and_a_later_update_changes_it()
    {
        var projectId = NewProjectId();
        var registered = Registered(Routing(projectId), T0);

        await service.PublishAsync(registered);
        await service.PublishAsync(registered);
        await service.RoutedAsync(registered.Project);
        var updated = Updated(Routing(projectId, ownerUnit: "新城投公司", responsibleUnit: "新区管委会"), T0.AddHours(1));
        await service.PublishAsync(updated);
        await service.RoutedAsync(updated.Project);

        var row = Assert.Single(await RoutesAsync(projectId));
        Assert.Equal(("新城投公司", "新区管委会", "项目" + projectId), (row.OwnerUnit, row.ResponsibleUnit, row.ProjectName));
        Assert.Equal(1, await InboxCountAsync(registered.EventId));
        Assert.Equal(1, await InboxCountAsync(updated.EventId));
    }

    [Fact]
    public async Task The_consumer_applies_an_event_once_and_never_lets_an_older_one_win()
    {
        var projectId = NewProjectId();
        var eventId = Guid.NewGuid();
        Task<bool> Apply(Guid id, ProjectRouting routing, DateTimeOffset at) =>
            service.WithDbAsync(db => new ApprovalProjectRoutingConsumer(db, service.Time).ApplyAsync(id, routing, at, CancellationToken.None));

        Assert.True(await Apply(eventId, Routing(projectId), T0));
        Assert.False(await Apply(eventId, Routing(projectId, leaderInCharge: "李副市长"), T0)); // a redelivery
        Assert.Equal(LeaderInCharge, Assert.Single(await RoutesAsync(projectId)).LeaderInCharge);

        Assert.True(await Apply(Guid.NewGuid(), Routing(projectId, leaderInCharge: "王常务副市长"), T0.AddDays(1)));
        Assert.True(await Apply(Guid.NewGuid(), Routing(projectId, leaderInCharge: "李副市长"), T0.AddHours(12))); // late, older
        Assert.Equal("王常务副市长", Assert.Single(await RoutesAsync(projectId)).LeaderInCharge);
    }

    [Fact]
    public async Task An_owner_cannot_open_the_case_of_another_owners_project()
    {
        service.At("2026-03-02");
        var project = await service.RegisterAsync(NewProjectId());
        var other = TestTokens.Owner("另一城投公司");

        foreach (var named in new[] { "另一城投公司", OwnerUnit, "" })
        {
            var error = await RefusedUnchangedAsync(() => Open(project.ProjectId, other, named).ResponseAsync);
            Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        }

        var opened = await Open(project.ProjectId, Owner); // the project's owner is not blocked
        Assert.Equal(OwnerUnit, opened.OwnerUnit);
    }

    [Fact]
    public async Task An_owner_cannot_open_a_case_for_a_project_the_registry_has_not_announced_but_the_DRC_can()
    {
        service.At("2026-03-02");
        var projectId = NewProjectId();

        var error = await RefusedUnchangedAsync(() => Open(projectId, Owner, OwnerUnit).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Equal("PROJECT_NOT_KNOWN", error.Reason());
        Assert.Contains($"尚未收到登记服务关于项目 {projectId} 的通知", error.Message, StringComparison.Ordinal);

        var missing = await RefusedUnchangedAsync(() => Open(projectId, TestTokens.Drc).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, missing.StatusCode);
        Assert.Equal(["owner_unit"], missing.FieldViolations().Select(v => v.Field).ToArray());

        var opened = await Open(projectId, TestTokens.Drc, OwnerUnit);
        Assert.Equal(OwnerUnit, opened.OwnerUnit);
        await service.Approvals.GetCaseAsync(new GetCaseRequest { CaseId = opened.CaseId }, As(Owner)); // the case's owner unit, until the registry speaks

        await service.RegisterAsync(projectId, ownerUnit: "新城投公司");
        var read = await service.Approvals.GetCaseAsync(new GetCaseRequest { CaseId = opened.CaseId }, As(TestTokens.Owner("新城投公司")));
        Assert.Equal("新城投公司", read.OwnerUnit);
        var denied = await Assert.ThrowsAsync<RpcException>(() =>
            service.Approvals.GetCaseAsync(new GetCaseRequest { CaseId = opened.CaseId }, As(Owner)).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
    }

    [Fact]
    public async Task A_responsible_unit_opens_reads_and_submits_and_the_case_takes_the_registered_owner_unit()
    {
        service.At("2026-03-02");
        var project = await service.RegisterAsync(NewProjectId());
        var responsible = TestTokens.Owner(ResponsibleUnit, "责任单位联络员");

        var opened = await Open(project.ProjectId, responsible);

        Assert.Equal((OwnerUnit, "责任单位联络员"), (opened.OwnerUnit, opened.OpenedBy));
        Assert.True(await service.ListedAsync(opened.CaseId, As(responsible)));
        Assert.True(await service.ListedAsync(opened.CaseId, As(Owner)));
        var submitted = await service.Approvals.SubmitItemAsync(new SubmitItemRequest
        {
            CaseId = opened.CaseId, Kind = ItemKind.EnvironmentalImpact, Documents = { Doc("eia.pdf") },
        }, As(responsible));
        Assert.Equal(ItemState.Submitted, submitted.State);
    }

    [Fact]
    public async Task A_known_project_keeps_its_registered_owner_unit()
    {
        service.At("2026-03-02");
        var project = await service.RegisterAsync(NewProjectId());

        var error = await RefusedUnchangedAsync(() => Open(project.ProjectId, TestTokens.Drc, "另一城投公司").ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(["owner_unit"], error.FieldViolations().Select(v => v.Field).ToArray());
    }

    [Fact]
    public async Task A_later_update_moves_the_case_to_the_new_owner_and_responsible_unit()
    {
        service.At("2026-03-02");
        var project = await service.RegisterAsync(NewProjectId());
        var opened = await Open(project.ProjectId, Owner);
        var updated = Updated(Routing(project.ProjectId, ownerUnit: "新城投公司", responsibleUnit: "新区管委会"), service.Time.GetUtcNow().AddMinutes(5));

        await service.PublishAsync(updated);
        await service.RoutedAsync(updated.Project);

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            service.Approvals.GetCaseAsync(new GetCaseRequest { CaseId = opened.CaseId }, As(Owner)).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.False(await service.ListedAsync(opened.CaseId, As(Owner)));
        Assert.True(await service.ListedAsync(opened.CaseId, As(TestTokens.Owner("新城投公司"))));
        var read = await service.Approvals.GetCaseAsync(new GetCaseRequest { CaseId = opened.CaseId }, As(TestTokens.Owner("新区管委会")));
        Assert.Equal("新城投公司", read.OwnerUnit); // overdue alerts are addressed to the new owner
    }
}
