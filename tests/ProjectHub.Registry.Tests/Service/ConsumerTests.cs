using Microsoft.EntityFrameworkCore;
using ProjectHub.Contracts.Approval;
using ProjectHub.Contracts.Escalation;
using ProjectHub.Registry.Consumers;
using ProjectHub.Registry.V1;

namespace ProjectHub.Registry.Tests.Service;

public sealed class ConsumerTests(RegistryHost host) : IClassFixture<RegistryHost>
{
    [Fact]
    public async Task Approval_overdue_turns_yellow_once_and_clearing_turns_green()
    {
        // Pre-construction, planned start in the future: green until an approval is overdue.
        var project = await host.Client.RegisterProjectAsync(Projects.Register(
            Projects.Fields("审批逾期测试项目", start: "2026-06-01", completion: "2027-12-31"), ProjectStage.PreConstruction));
        Assert.Equal(Light.Green, project.Light.Light);
        var overdue = new ApprovalOverdue(Guid.NewGuid(), host.Clock.GetUtcNow(), project.Id, "case-1", "FEASIBILITY_STUDY", "可行性研究报告",
            ["发改委"], "市城投集团", new DateOnly(2026, 2, 20), 6);

        var first = await host.InScope<ApprovalEventsHandler, bool>(h => h.HandleAsync(overdue, default));
        var afterFirst = await Snapshot(project.Id);
        var second = await host.InScope<ApprovalEventsHandler, bool>(h => h.HandleAsync(overdue, default));
        var afterSecond = await Snapshot(project.Id);

        Assert.True(first);
        Assert.False(second);
        Assert.Equal(afterFirst, afterSecond);
        var yellow = await host.Client.GetProjectAsync(new GetProjectRequest { ProjectId = project.Id });
        Assert.Equal(Light.Yellow, yellow.Light.Light);
        Assert.Equal("APPROVAL_OVERDUE_YELLOW", Assert.Single(yellow.Light.Reasons).Code);
        Assert.Equal("可行性研究报告", Assert.Single(yellow.OverdueApprovals).ItemName);

        var cleared = new ApprovalOverdueCleared(Guid.NewGuid(), host.Clock.GetUtcNow(), project.Id, "case-1", "FEASIBILITY_STUDY");
        Assert.True(await host.InScope<ApprovalEventsHandler, bool>(h => h.HandleAsync(cleared, default)));
        Assert.False(await host.InScope<ApprovalEventsHandler, bool>(h => h.HandleAsync(cleared, default)));
        var green = await host.Client.GetProjectAsync(new GetProjectRequest { ProjectId = project.Id });
        Assert.Equal(Light.Green, green.Light.Light);
        Assert.Empty(green.OverdueApprovals);
        var history = await host.Client.GetLightHistoryAsync(new GetLightHistoryRequest { ProjectId = project.Id });
        Assert.Equal([Light.Green, Light.Yellow, Light.Green], history.Entries.Select(e => e.To));
    }

    [Fact]
    public async Task Approvals_completed_marks_ready_to_start_once()
    {
        var project = await host.Client.RegisterProjectAsync(Projects.Register(
            Projects.Fields("审批完成测试项目", start: "2026-06-01", completion: "2027-12-31"), ProjectStage.PreConstruction));
        var completed = new ApprovalsCompleted(Guid.NewGuid(), host.Clock.GetUtcNow(), project.Id, "case-9");

        Assert.True(await host.InScope<ApprovalEventsHandler, bool>(h => h.HandleAsync(completed, default)));
        var afterFirst = await Snapshot(project.Id);
        Assert.False(await host.InScope<ApprovalEventsHandler, bool>(h => h.HandleAsync(completed, default)));

        Assert.Equal(afterFirst, await Snapshot(project.Id));
        Assert.True((await host.Client.GetProjectAsync(new GetProjectRequest { ProjectId = project.Id })).ReadyToStart);
        var history = await host.Client.GetProjectHistoryAsync(new GetProjectHistoryRequest { ProjectId = project.Id });
        Assert.Single(history.Records, r => r.Action == "APPROVALS_COMPLETED");
    }

    [Fact]
    public async Task Events_published_on_the_bus_reach_the_consumer()
    {
        var project = await host.Client.RegisterProjectAsync(Projects.Register(
            Projects.Fields("总线消费测试项目", start: "2026-06-01", completion: "2027-12-31"), ProjectStage.PreConstruction));
        var bus = host.Services.GetRequiredService<MassTransit.IBus>();

        await bus.Publish(new ApprovalsCompleted(Guid.NewGuid(), host.Clock.GetUtcNow(), project.Id, "case-bus"));

        var deadline = DateTime.UtcNow.AddSeconds(10);
        var ready = false;
        while (!ready && DateTime.UtcNow < deadline)
        {
            ready = (await host.Client.GetProjectAsync(new GetProjectRequest { ProjectId = project.Id })).ReadyToStart;
            await Task.Delay(50);
        }

        Assert.True(ready);
    }

    [Fact]
    public async Task Resolved_problems_feed_the_ranking_once_each()
    {
        await host.Client.RegisterProjectAsync(Projects.Register(Projects.Fields("问题解决测试项目", responsibleUnit: "问题测试单位")));
        ProblemResolved Resolved(int days) => new(Guid.NewGuid(), host.Clock.GetUtcNow(), "problem-" + days, "p", "RESPONSIBLE_UNIT", days, "问题测试单位");
        var slow = Resolved(8);

        Assert.True(await host.InScope<ProblemResolvedHandler, bool>(h => h.HandleAsync(Resolved(4), default)));
        Assert.True(await host.InScope<ProblemResolvedHandler, bool>(h => h.HandleAsync(slow, default)));
        Assert.False(await host.InScope<ProblemResolvedHandler, bool>(h => h.HandleAsync(slow, default)));

        var rank = (await host.Client.RankUnitsAsync(new RankUnitsRequest())).Ranks.Single(r => r.Unit == "问题测试单位");
        // Median of 4 and 8 is 6 working days, twice the target of 3: 100 × 3 / 6 = 50. Counting the redelivery
        // would make it 8 days and 37.5.
        Assert.Equal("6", rank.MedianResolutionWorkingDays.Value);
        Assert.Equal("50", rank.ProblemResolution.Value);
    }

    private Task<(int Audit, int LightHistory, int Overdue, int Outbox, int Inbox)> Snapshot(string projectId) =>
        host.InDatabase(async db => (
            await db.Audit.CountAsync(a => a.ProjectId == projectId),
            await db.LightHistory.CountAsync(h => h.ProjectId == projectId),
            await db.OverdueApprovals.CountAsync(o => o.ProjectId == projectId),
            await db.Set<ProjectHub.Hosting.Messaging.OutboxMessage>().CountAsync(),
            await db.Set<ProjectHub.Hosting.Messaging.ProcessedMessage>().CountAsync()));
}
