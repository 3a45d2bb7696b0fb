using Grpc.Core;
using ProjectHub.Contracts.Registry;
using ProjectHub.Escalation.V1;
using ProjectHub.Security;
using ProjectHub.Testing;
using static ProjectHub.Escalation.Tests.Service.EscalationHost;

namespace ProjectHub.Escalation.Tests.Service;

/// <summary>
/// Alerts and problems name their project as the registry published it (not by its id), and an alert can be
/// acknowledged by its short number (the sequence lists show) instead of its long id.
/// </summary>
public sealed class ProjectNameAndHandleTests : IAsyncLifetime
{
    private static readonly ProjectRouting Project = new("p-named", "滨江大道改造工程", "owner-n", "unit-n", "dept-n", "leader-n", "滨江区");
    private static readonly Caller Unit = TestTokens.Owner("unit-n");
    private EscalationHost _host = null!;

    public async Task InitializeAsync() => _host = await StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Alerts_problems_and_the_live_stream_carry_the_project_name_and_the_alert_texts_use_it()
    {
        await _host.PublishAsync(new ProjectLightChanged(
            Guid.NewGuid(), Shanghai(2026, 3, 2, 8), Project, "GREEN", "RED", [new LightReasonDto("LAG_RED", "RED", "滞后")], null, null));
        await EventuallyAsync(async () => (await AlertsAsync()).Count == 2, "red and problem-arrived alerts");

        var alerts = await AlertsAsync();
        Assert.All(alerts, a => Assert.Equal("滨江大道改造工程", a.ProjectName));
        Assert.All(alerts, a => Assert.Contains("“滨江大道改造工程”", a.Body));
        Assert.All(alerts, a => Assert.DoesNotContain("p-named", a.Body));

        var problem = Assert.Single((await _host.Client.ListProblemsAsync(new ListProblemsRequest { ProjectId = "p-named" }, TestTokens.As(Unit))).Problems);
        Assert.Equal("滨江大道改造工程", problem.ProjectName);
        var one = await _host.Client.GetProblemAsync(new GetProblemRequest { ProblemId = problem.Id }, TestTokens.As(Unit));
        Assert.Equal("滨江大道改造工程", one.ProjectName);

        using var stream = _host.Client.SubscribeAlerts(new SubscribeAlertsRequest { RecipientId = "unit-n" }, TestTokens.As(Unit));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        Assert.True(await stream.ResponseStream.MoveNext(timeout.Token));
        Assert.Equal("滨江大道改造工程", stream.ResponseStream.Current.ProjectName);
    }

    [Fact]
    public async Task An_alert_is_acknowledged_by_its_sequence_and_a_missing_or_doubly_named_alert_is_refused()
    {
        await _host.SeedProjectAsync("p-named", "unit-n", "owner-n", "dept-n", "leader-n");
        await _host.Client.RaiseProblemAsync(
            new RaiseProblemRequest { ProjectId = "p-named", Category = ProblemCategory.Land, Description = "征地未完成" }, TestTokens.As(Unit));
        var alert = Assert.Single(await AlertsAsync());

        var acked = await _host.Client.AcknowledgeAlertAsync(new AcknowledgeAlertRequest { Sequence = alert.Sequence }, TestTokens.As(Unit));

        Assert.Equal(alert.Id, acked.Id);
        Assert.True(acked.Acknowledged);
        Assert.Empty(await AlertsAsync());

        var missing = await Assert.ThrowsAsync<RpcException>(() => _host.Client.AcknowledgeAlertAsync(
            new AcknowledgeAlertRequest { Sequence = alert.Sequence + 1000 }, TestTokens.As(Unit)).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
        var both = await Assert.ThrowsAsync<RpcException>(() => _host.Client.AcknowledgeAlertAsync(
            new AcknowledgeAlertRequest { Sequence = alert.Sequence, AlertId = alert.Id }, TestTokens.As(Unit)).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, both.StatusCode);

        // Someone else's alert by number is refused as by id: the number names it, it does not authorize.
        var other = await Assert.ThrowsAsync<RpcException>(() => _host.Client.AcknowledgeAlertAsync(
            new AcknowledgeAlertRequest { Sequence = alert.Sequence }, TestTokens.As(TestTokens.Owner("owner-n"))).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, other.StatusCode);
    }

    private async Task<List<Alert>> AlertsAsync() =>
        [.. (await _host.Client.ListAlertsAsync(new ListAlertsRequest { RecipientId = "unit-n" }, TestTokens.As(Unit))).Alerts];
}
