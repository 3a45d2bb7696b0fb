using Microsoft.EntityFrameworkCore;
using ProjectHub.Contracts.Approval;
using ProjectHub.Contracts.Registry;
using ProjectHub.Escalation.V1;
using Grpc.Core;
using ProjectHub.Testing;
using static ProjectHub.Escalation.Tests.Service.EscalationHost;

namespace ProjectHub.Escalation.Tests.Service;

/// <summary>Registry and approval events arriving over the bus become supervision cases and alerts, exactly once.</summary>
public sealed class ProjectLightTests : IAsyncLifetime
{
    private static readonly ProjectRouting Project = new("p-red", "滨江大道改造", "owner-r", "unit-r", "dept-r", "leader-r", "滨江区");
    private EscalationHost _host = null!;

    // Discipline inspection reads every problem and everyone's alerts: the observer these checks need.
    private static CallOptions Inspector => TestTokens.As(TestTokens.Inspector);

    public async Task InitializeAsync() => _host = await StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_red_light_opens_one_supervision_case_and_alerts_unit_department_and_leader_and_a_redelivery_changes_nothing()
    {
        var red = LightChanged(Project, "GREEN", "RED", Shanghai(2026, 3, 2, 8));

        await _host.PublishAsync(red);
        await EventuallyAsync(async () => (await ProblemsAsync("p-red")).Count == 1, "supervision case opened");

        var problem = Assert.Single(await ProblemsAsync("p-red"));
        Assert.Equal(ProblemKind.Supervision, problem.Kind);
        Assert.Equal("RESPONSIBLE_UNIT", problem.Tier.Id);
        Assert.Equal("system", problem.RaisedBy);
        Assert.Contains("连续三周未报送进度", problem.Description);
        Assert.Equal(["PROJECT_RED", "PROBLEM_ARRIVED"], await CodesAsync("unit-r"));
        Assert.Equal(["PROJECT_RED"], await CodesAsync("dept-r"));
        Assert.Equal(["PROJECT_RED"], await CodesAsync("leader-r"));
        Assert.Equal(["PROBLEM_ARRIVED"], await CodesAsync("owner-r"));
        var before = await SnapshotAsync();

        // The same event again (a redelivery), then a marker event whose effect tells us the bus got that far.
        await _host.PublishAsync(red);
        var marker = LightChanged(Project with { ProjectId = "p-marker" }, "GREEN", "YELLOW", Shanghai(2026, 3, 2, 8));
        await _host.PublishAsync(marker);
        await EventuallyAsync(async () => (await CodesAsync("unit-r")).Count == 3, "marker processed");
        await Task.Delay(300);

        var after = await SnapshotAsync();
        Assert.Equal(before.Problems, after.Problems);
        Assert.Equal(before.History, after.History);
        Assert.Equal(before.Alerts + 2, after.Alerts); // only the marker's YELLOW alerts (unit, department)
    }

    [Fact]
    public async Task Red_again_while_the_case_is_open_opens_no_second_case_and_green_is_noted_on_it()
    {
        await _host.PublishAsync(LightChanged(Project, "GREEN", "RED", Shanghai(2026, 3, 2, 8)));
        await EventuallyAsync(async () => (await ProblemsAsync("p-red")).Count == 1, "case opened");

        await _host.PublishAsync(LightChanged(Project, "RED", "YELLOW", Shanghai(2026, 3, 3, 8)));
        await _host.PublishAsync(LightChanged(Project, "YELLOW", "RED", Shanghai(2026, 3, 4, 8)));
        await EventuallyAsync(async () => (await CodesAsync("leader-r")).Count == 2, "second red alert");
        Assert.Single(await ProblemsAsync("p-red"));

        await _host.PublishAsync(LightChanged(Project, "RED", "GREEN", Shanghai(2026, 3, 5, 8)));
        var id = (await ProblemsAsync("p-red"))[0].Id;
        await EventuallyAsync(async () =>
            (await _host.Client.GetProblemHistoryAsync(new GetProblemHistoryRequest { ProblemId = id }, Inspector)).Entries.Any(e => e.Action == "PROJECT_GREEN_NOTED"),
            "green noted");
        var still = await _host.Client.GetProblemAsync(new GetProblemRequest { ProblemId = id }, Inspector);
        Assert.NotEqual(ProblemState.Resolved, still.State);
        Assert.Equal("GREEN", still.ProjectLight);
    }

    [Fact]
    public async Task A_case_shows_its_project_is_no_longer_red_and_says_so_in_its_history_and_stays_open()
    {
        await _host.PublishAsync(LightChanged(Project, "GREEN", "RED", Shanghai(2026, 3, 2, 8)));
        await EventuallyAsync(async () => (await ProblemsAsync("p-red")).Count == 1, "case opened");
        var id = (await ProblemsAsync("p-red"))[0].Id;
        Assert.Equal("RED", (await ProblemsAsync("p-red"))[0].ProjectLight);

        await _host.PublishAsync(LightChanged(Project, "RED", "YELLOW", Shanghai(2026, 3, 3, 8)));
        await EventuallyAsync(async () => (await ProblemsAsync("p-red"))[0].ProjectLight == "YELLOW", "yellow shown on the case");

        var history = await _host.Client.GetProblemHistoryAsync(new GetProblemHistoryRequest { ProblemId = id }, Inspector);
        var noted = Assert.Single(history.Entries, e => e.Action == "PROJECT_LIGHT_NOTED");
        Assert.StartsWith("项目已转为黄灯", noted.Note);
        Assert.Equal("项目责任单位/业主单位", noted.ToTierName);
        Assert.Equal(ProblemState.Open, (await ProblemsAsync("p-red"))[0].State);
    }

    [Fact]
    public async Task An_overdue_approval_alerts_the_department_and_the_owner_once()
    {
        var overdue = new ApprovalOverdue(
            Guid.NewGuid(), Shanghai(2026, 3, 2, 8), "p-appr", "case-1", "FEASIBILITY_STUDY", "可行性研究报告",
            ["dept-a"], "owner-a", new DateOnly(2026, 2, 27), 1);

        await _host.PublishAsync(overdue);
        await _host.PublishAsync(overdue);
        await EventuallyAsync(async () => (await CodesAsync("owner-a")).Count == 1, "owner alerted");
        await Task.Delay(300);

        Assert.Equal(["APPROVAL_OVERDUE"], await CodesAsync("dept-a"));
        Assert.Equal(["APPROVAL_OVERDUE"], await CodesAsync("owner-a"));
    }

    [Fact]
    public async Task An_approval_due_soon_sends_a_deadline_reminder_to_each_department_and_the_owner()
    {
        var dueSoon = new ApprovalDueSoon(
            Guid.NewGuid(), Shanghai(2026, 3, 2, 8), "p-appr", "case-1", "JOINT_REVIEW", "联审会办",
            ["dept-a", "dept-b"], "owner-a", new DateOnly(2026, 3, 3));

        await _host.PublishAsync(dueSoon);
        await EventuallyAsync(async () => (await CodesAsync("owner-a")).Count == 1, "owner reminded");

        Assert.Equal(["DEADLINE_APPROACHING"], await CodesAsync("dept-a"));
        Assert.Equal(["DEADLINE_APPROACHING"], await CodesAsync("dept-b"));
        Assert.Equal(["DEADLINE_APPROACHING"], await CodesAsync("owner-a"));
    }

    private static ProjectLightChanged LightChanged(ProjectRouting project, string from, string to, DateTimeOffset at) =>
        new(Guid.NewGuid(), at, project, from, to, [new LightReasonDto("NO_REPORT", to, "连续三周未报送进度")], null, null);

    private async Task<List<V1.Problem>> ProblemsAsync(string projectId) =>
        [.. (await _host.Client.ListProblemsAsync(new ListProblemsRequest { ProjectId = projectId }, Inspector)).Problems];

    private async Task<List<string>> CodesAsync(string recipient) =>
        [.. (await _host.Client.ListAlertsAsync(new ListAlertsRequest { RecipientId = recipient }, Inspector)).Alerts.Select(a => a.Code)];

    private Task<(int Problems, int History, int Alerts)> SnapshotAsync() =>
        _host.WithDbAsync(async db => (await db.Problems.CountAsync(), await db.ProblemHistory.CountAsync(), await db.Alerts.CountAsync()));
}
