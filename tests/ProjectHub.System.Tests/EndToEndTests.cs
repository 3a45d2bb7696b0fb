using ProjectHub.Escalation.V1;
using ProjectHub.Registry.V1;

namespace ProjectHub.System.Tests;

/// <summary>
/// One user action across three processes, RabbitMQ and three PostgreSQL databases: a lagging weekly report turns the
/// project RED in the registry, and the escalation service opens one supervision problem and pushes a PROJECT_RED
/// alert to the responsible unit's live stream.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class EndToEndTests(SystemFixture system)
{
    [Fact]
    public async Task A_lagging_report_in_one_process_becomes_a_supervision_problem_and_a_streamed_alert_in_another()
    {
        var registry = Scenario.RegistryOf(system);
        var escalation = Scenario.EscalationOf(system);
        var unit = "e2e-unit-" + Guid.NewGuid().ToString("N")[..6];

        // Subscribed before anything happens: the alert must come to a stream that was already open. The server sends
        // no headers before the first alert, so the reading starts now and the test goes on while it waits.
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var stream = escalation.SubscribeAlerts(new SubscribeAlertsRequest { RecipientId = unit }, Scenario.Recipient(system, unit, cancel.Token));
        var projectId = new TaskCompletionSource<string>();
        var reading = Task.Run(async () =>
        {
            var id = await projectId.Task;
            try
            {
                while (await stream.ResponseStream.MoveNext(cancel.Token))
                {
                    var alert = stream.ResponseStream.Current;
                    if (alert.Code == "PROJECT_RED" && alert.ProjectId == id)
                    {
                        return alert;
                    }
                }
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.Cancelled)
            {
                // 60 s passed without the alert: reported below with every service's output.
            }

            return null;
        });

        var project = await Scenario.RegisterAsync(registry, Scenario.LaggingProject("滨江大道快速化改造工程", unit), system);
        projectId.SetResult(project.Id);
        var submitted = await registry.SubmitProgressReportAsync(Scenario.LaggingReport(project.Id), Scenario.Owner(system));
        Assert.Equal(Light.Red, submitted.Light.Light);

        var red = await reading;
        Assert.True(red is not null, $"no PROJECT_RED alert on the stream\n{system.Output}");
        Assert.Equal(unit, red.RecipientId);

        var problems = await Scenario.EventuallyAsync(
            async () => (await escalation.ListProblemsAsync(new ListProblemsRequest { ProjectId = project.Id }, Scenario.Drc(system))).Problems.ToList(),
            list => list.Count > 0, system, "supervision problem");
        var supervision = Assert.Single(problems);
        Assert.Equal(ProblemKind.Supervision, supervision.Kind);
        Assert.Equal(1, supervision.Tier.Number);
    }
}
