using ProjectHub.Escalation.V1;
using ProjectHub.Registry.V1;
using Xunit.Abstractions;

namespace ProjectHub.System.Tests;

/// <summary>
/// kill -9 of the escalation process while RED lights are flowing to it. The registry's outbox keeps publishing to
/// RabbitMQ, the quorum queue keeps the events, and the restarted process consumes them through its inbox; a
/// subscriber that reconnects gets every alert, and none it already acknowledged.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class EscalationCrashTests(SystemFixture system, ITestOutputHelper output)
{
    private const int Projects = 8;

    [Fact]
    public async Task Killing_the_escalation_process_mid_stream_loses_no_alert_and_duplicates_none()
    {
        var registry = Scenario.RegistryOf(system);
        var escalation = Scenario.EscalationOf(system);
        var unit = "crash-unit-" + Guid.NewGuid().ToString("N")[..6];
        var projects = new List<string>();
        for (var i = 0; i < Projects; i++)
        {
            projects.Add((await Scenario.RegisterAsync(registry, Scenario.LaggingProject($"故障测试项目{i}", unit), system)).Id);
        }

        await using var subscriber = new AlertSubscriber(escalation, unit, cancel => Scenario.Recipient(system, unit, cancel));

        // Reports go in steadily; the escalation process dies after the first few and comes back while the rest arrive.
        var reports = Task.Run(async () =>
        {
            foreach (var id in projects)
            {
                var submitted = await registry.SubmitProgressReportAsync(Scenario.LaggingReport(id), Scenario.Within(Scenario.Owner(system), TimeSpan.FromSeconds(20)));
                Assert.Equal(Light.Red, submitted.Light.Light);
                await Task.Delay(300);
            }
        });
        await Scenario.EventuallyAsync(() => Task.FromResult(subscriber.Received.Count), n => n > 0, system, "first alert before the kill");
        await system.Escalation.KillAsync();
        await Task.Delay(1000);
        await system.Escalation.StartAsync();
        await reports;

        var received = await Scenario.EventuallyAsync(
            () => Task.FromResult(subscriber.Received),
            alerts => projects.All(p => alerts.Any(a => a.Code == "PROJECT_RED" && a.ProjectId == p)),
            system, "a PROJECT_RED alert for every project");
        // A little longer, so a late duplicate would be seen too.
        await Task.Delay(2000);
        received = subscriber.Received;

        var lost = projects.Count(p => !received.Any(a => a.Code == "PROJECT_RED" && a.ProjectId == p));
        // Two different alerts for the same thing (a re-consumed event that slipped past the inbox) are duplicates too.
        var duplicatedAlerts = received.GroupBy(a => (a.Code, a.ProjectId)).Sum(g => g.Count() - 1);
        var stored = (await escalation.ListAlertsAsync(new ListAlertsRequest { RecipientId = unit, IncludeAcknowledged = true, PageSize = 500 }, Scenario.Recipient(system, unit))).Alerts;
        var duplicatedStored = stored.GroupBy(a => (a.Code, a.ProjectId)).Sum(g => g.Count() - 1);
        var supervision = 0;
        foreach (var project in projects)
        {
            supervision += (await escalation.ListProblemsAsync(new ListProblemsRequest { ProjectId = project }, Scenario.Drc(system))).Problems.Count(p => p.Kind == ProblemKind.Supervision);
        }

        var counts = $"lost={lost} duplicated-after-ack={subscriber.DuplicatedAfterAcknowledge} duplicated-alerts={duplicatedAlerts} " +
            $"duplicated-stored={duplicatedStored} supervision-problems={supervision}/{Projects} " +
            $"redelivered-unacknowledged={subscriber.Redelivered} reconnects={subscriber.Reconnects}";
        output.WriteLine(counts);
        Assert.True(
            lost == 0 && subscriber.DuplicatedAfterAcknowledge == 0 && duplicatedAlerts == 0 && duplicatedStored == 0 && supervision == Projects,
            $"{counts}\n{system.Output}");
        // The kill really cut the stream: otherwise this test proved nothing.
        Assert.True(subscriber.Reconnects > 0, counts);
    }
}
