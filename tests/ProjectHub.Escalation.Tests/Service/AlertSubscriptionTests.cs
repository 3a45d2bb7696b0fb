using ProjectHub.Escalation.V1;
using Grpc.Core;
using ProjectHub.Security;
using ProjectHub.Testing;
using static ProjectHub.Escalation.Tests.Service.EscalationHost;

namespace ProjectHub.Escalation.Tests.Service;

/// <summary>A subscriber that drops and reconnects loses nothing and never receives an acknowledged alert again.</summary>
public sealed class AlertSubscriptionTests
{
    [Fact]
    public async Task A_reconnecting_subscriber_gets_every_unacknowledged_alert_in_order_once_per_connection()
    {
        await using var host = await StartAsync();
        await host.SeedProjectAsync("p-s", "unit-s", "owner-s", "dept-s", "leader-s");
        var client = host.Client;

        // Connection 1: the stored alert first, then a live one; the recipient acknowledges the first, then drops.
        var p1 = await RaiseAsync(client, 1);
        string p2;
        using (var first = Subscribe(client))
        {
            var received = await ReadAsync(first, 1);
            Assert.Equal(p1, received[0].ProblemId);
            p2 = await RaiseAsync(client, 2);
            Assert.Equal(p2, (await ReadAsync(first, 1))[0].ProblemId);
            await client.AcknowledgeAlertAsync(new AcknowledgeAlertRequest { AlertId = received[0].Id }, TestTokens.As(Unit));
        }

        // Offline: two more alerts are stored.
        var p3 = await RaiseAsync(client, 3);
        var p4 = await RaiseAsync(client, 4);

        // Connection 2: the unacknowledged backlog in order, then a live one, and nothing twice.
        using (var second = Subscribe(client))
        {
            var backlog = await ReadAsync(second, 3);
            Assert.Equal([p2, p3, p4], backlog.Select(a => a.ProblemId));
            Assert.True(backlog.Zip(backlog.Skip(1)).All(pair => pair.First.Sequence < pair.Second.Sequence));
            var p5 = await RaiseAsync(client, 5);
            Assert.Equal(p5, (await ReadAsync(second, 1))[0].ProblemId);
            await AssertNothingMoreAsync(second);
            foreach (var alert in backlog.Take(2))
            {
                await client.AcknowledgeAlertAsync(new AcknowledgeAlertRequest { AlertId = alert.Id }, TestTokens.As(Unit));
            }
        }

        // Connection 3: only what is still unacknowledged; acknowledged alerts never come back.
        using var third = Subscribe(client);
        var rest = await ReadAsync(third, 2);
        Assert.Equal(p4, rest[0].ProblemId);
        Assert.Equal(_raised[5], rest[1].ProblemId);
        await AssertNothingMoreAsync(third);
        var unacknowledged = await client.ListAlertsAsync(new ListAlertsRequest { RecipientId = "unit-s" }, TestTokens.As(Unit));
        Assert.Equal(rest.Select(a => a.Id), unacknowledged.Alerts.Select(a => a.Id));
    }

    [Fact]
    public async Task Only_the_recipient_may_acknowledge_an_alert()
    {
        await using var host = await StartAsync();
        await host.SeedProjectAsync("p-s", "unit-s", "owner-s", "dept-s", "leader-s");
        await RaiseAsync(host.Client, 1);
        var alert = (await host.Client.ListAlertsAsync(new ListAlertsRequest { RecipientId = "unit-s" }, TestTokens.As(Unit))).Alerts.Single();

        var ex = await Assert.ThrowsAsync<RpcException>(() => host.Client.AcknowledgeAlertAsync(
            new AcknowledgeAlertRequest { AlertId = alert.Id }, TestTokens.As(Owner)).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
        Assert.Single((await host.Client.ListAlertsAsync(new ListAlertsRequest { RecipientId = "unit-s" }, TestTokens.As(Unit))).Alerts);
    }

    private static readonly Caller Owner = TestTokens.Owner("owner-s");
    private static readonly Caller Unit = TestTokens.Owner("unit-s");

    private readonly Dictionary<int, string> _raised = [];

    private async Task<string> RaiseAsync(V1.Escalation.EscalationClient client, int n)
    {
        var problem = await client.RaiseProblemAsync(
            new RaiseProblemRequest { ProjectId = "p-s", Category = ProblemCategory.Labour, Description = $"用工缺口 {n}" },
            TestTokens.As(Owner));
        _raised[n] = problem.Id;
        return problem.Id;
    }

    private static AsyncServerStreamingCall<Alert> Subscribe(V1.Escalation.EscalationClient client) =>
        client.SubscribeAlerts(new SubscribeAlertsRequest { RecipientId = "unit-s" }, TestTokens.As(Unit));

    private static async Task<List<Alert>> ReadAsync(AsyncServerStreamingCall<Alert> call, int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var alerts = new List<Alert>();
        while (alerts.Count < count)
        {
            Assert.True(await call.ResponseStream.MoveNext(timeout.Token), "stream ended early");
            alerts.Add(call.ResponseStream.Current);
        }

        return alerts;
    }

    private static async Task AssertNothingMoreAsync(AsyncServerStreamingCall<Alert> call)
    {
        using var wait = new CancellationTokenSource(TimeSpan.FromMilliseconds(1500));
        var next = call.ResponseStream.MoveNext(wait.Token);
        var finished = await Task.WhenAny(next, Task.Delay(TimeSpan.FromMilliseconds(1700)));
        if (finished == next && next.Status == TaskStatus.RanToCompletion)
        {
            Assert.False(next.Result, $"unexpected alert {call.ResponseStream.Current}");
        }
    }
}
