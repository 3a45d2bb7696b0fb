using Grpc.Net.Client;
using ProjectHub.Escalation.V1;
using ProjectHub.Registry.V1;
using ProjectHub.Testing;

namespace ProjectHub.Embedded.Tests;

/// <summary>
/// seed-demo against the real embedded services: once every event has been handled, the supervision problems and the
/// alerts describe the lights the projects end with — no 督办 for a project that is not RED, no red or yellow alert
/// for a project that no longer has that light (issue 22: 25 of 43 open problems were false).
/// </summary>
public sealed class DemoConsistencyTests
{
    [Fact]
    public async Task After_the_demo_seed_every_open_supervision_problem_and_every_alert_matches_the_final_lights()
    {
        await using var system = await EmbeddedSystem.StartAsync();
        var (host, registry, escalation) = (system.Host, system.Registry, system.Escalation);

        Assert.Equal(0, await ProjectHub.Registry.Demo.DemoSeeder.RunAsync(["--registry", system.RegistryAddress]));

        var projects = (await registry.ListProjectsAsync(new ListProjectsRequest { PageSize = 200 }, Inspector())).Projects.ToList();
        var lights = projects.ToDictionary(p => p.Id, p => p.Light?.Light ?? Light.None);
        var red = lights.Where(l => l.Value == Light.Red).Select(l => l.Key).ToHashSet();
        Assert.True(red.Count >= 10, $"the demo shows red projects ({red.Count})");
        var recipients = projects.SelectMany(p => new[] { p.Fields.ResponsibleUnit, p.Fields.OwnerUnit, p.Fields.IndustryDepartment, p.Fields.LeaderInCharge })
            .Append("drc").Where(r => r.Length > 0).Distinct(StringComparer.Ordinal).ToList();

        // The escalation service hears the registry through the outbox and the bus: wait until nothing changes any more
        // (and at least every red project has its case), then judge the end state.
        var (problems, alerts) = await SettledAsync(host, async () =>
        {
            var open = (await escalation.ListProblemsAsync(new ListProblemsRequest { PageSize = 500 }, Inspector())).Problems
                .Where(p => p.Kind == ProblemKind.Supervision && p.State != ProblemState.Resolved).ToList();
            var all = new List<Alert>();
            foreach (var recipient in recipients)
            {
                all.AddRange((await escalation.ListAlertsAsync(new ListAlertsRequest { RecipientId = recipient, PageSize = 500 }, Inspector())).Alerts);
            }

            return (open, all);
        }, state => state.open.Count >= red.Count);

        Assert.All(problems, p => Assert.True(red.Contains(p.ProjectId), $"open 督办 {p.Id} for {p.ProjectName}, which is {lights[p.ProjectId]}"));
        Assert.Equal(red.Order(StringComparer.Ordinal), problems.Select(p => p.ProjectId).Order(StringComparer.Ordinal));
        Assert.All(problems, p => Assert.Equal("RED", p.ProjectLight));
        var openIds = problems.Select(p => p.Id).ToHashSet();
        foreach (var alert in alerts)
        {
            var light = lights.GetValueOrDefault(alert.ProjectId, Light.None);
            switch (alert.Code)
            {
                case "PROJECT_RED":
                    Assert.True(light == Light.Red, $"red alert to {alert.RecipientId} for {alert.ProjectName}, which is {light}");
                    break;
                case "PROJECT_YELLOW":
                    Assert.True(light == Light.Yellow, $"yellow alert to {alert.RecipientId} for {alert.ProjectName}, which is {light}");
                    break;
                case "PROBLEM_ARRIVED":
                    Assert.True(openIds.Contains(alert.ProblemId), $"problem alert to {alert.RecipientId} for a problem not open: {alert.ProblemId}");
                    break;
                default:
                    Assert.Fail($"unexpected alert {alert.Code} to {alert.RecipientId} for {alert.ProjectName}");
                    break;
            }
        }

        Assert.Contains(alerts, a => a.Code == "PROJECT_RED" && a.RecipientId == "张副市长");
    }

    private static Grpc.Core.CallOptions Inspector() => TestTokens.As(TestTokens.Inspector);

    /// <summary>Reads until <paramref name="ready"/> holds and three reads in a row (1.5 s) saw the same counts.</summary>
    private static async Task<(List<Problem> open, List<Alert> all)> SettledAsync(
        EmbeddedProcess host, Func<Task<(List<Problem> open, List<Alert> all)>> read, Func<(List<Problem> open, List<Alert> all), bool> ready)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        var previous = (-1, -1);
        var same = 0;
        while (true)
        {
            var state = await read();
            var counts = (state.open.Count, state.all.Count);
            same = counts == previous ? same + 1 : 0;
            previous = counts;
            if (ready(state) && same >= 3)
            {
                return state;
            }

            Assert.True(DateTime.UtcNow < deadline, $"the escalation service did not settle ({counts}):\n{host.Output}");
            await Task.Delay(500);
        }
    }
}
