using Grpc.Net.Client;
using ProjectHub.Escalation.V1;
using ProjectHub.Registry.V1;
using ProjectHub.Security;
using ProjectHub.Testing;
using ProjectHub.Testing.Scenarios;

namespace ProjectHub.Embedded.Tests;

/// <summary>
/// One user action across services in the real embedded process: a lagging weekly report makes the registry turn the
/// project RED, and the escalation service opens one supervision problem and alerts the unit, the department and the
/// leader in charge — all through the outbox and the in-process bus.
/// </summary>
public sealed class CrossServiceTests
{
    [Fact]
    public async Task A_lagging_report_becomes_a_supervision_problem_and_red_alerts()
    {
        await using var system = await EmbeddedSystem.StartAsync();
        var (host, registry, escalation) = (system.Host, system.Registry, system.Escalation);

        var fields = LaggingScenario.Project();
        // Each step as the role that takes it: the DRC registers, the owner unit reports, each recipient reads its alerts.
        var project = await registry.RegisterProjectAsync(LaggingScenario.Registration(fields), TestTokens.As(TestTokens.Drc));
        var submitted = await registry.SubmitProgressReportAsync(
            new SubmitProgressReportRequest { Report = LaggingScenario.Report(project.Id) }, TestTokens.As(TestTokens.Owner(fields.OwnerUnit)));
        Assert.Equal(Light.Red, submitted.Light.Light);

        var problems = await EventuallyAsync(async () =>
            (await escalation.ListProblemsAsync(new ListProblemsRequest { ProjectId = project.Id }, TestTokens.As(TestTokens.Drc))).Problems.ToList(),
            list => list.Count > 0, host);
        var supervision = Assert.Single(problems);
        Assert.Equal(ProblemKind.Supervision, supervision.Kind);
        Assert.Equal(1, supervision.Tier.Number);

        var recipients = new (string Name, Caller Caller)[]
        {
            (fields.ResponsibleUnit, TestTokens.Owner(fields.ResponsibleUnit)),
            (fields.IndustryDepartment, TestTokens.Department(fields.IndustryDepartment)),
            (fields.LeaderInCharge, TestTokens.Leader(fields.LeaderInCharge)),
        };
        foreach (var (recipient, caller) in recipients)
        {
            var alerts = await EventuallyAsync(async () =>
                (await escalation.ListAlertsAsync(new ListAlertsRequest { RecipientId = recipient }, TestTokens.As(caller))).Alerts.ToList(),
                list => list.Any(a => a.Code == "PROJECT_RED" && a.ProjectId == project.Id), host);
            Assert.Single(alerts, a => a.Code == "PROJECT_RED" && a.ProjectId == project.Id);
        }
    }

    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done, EmbeddedProcess host)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            Assert.True(DateTime.UtcNow < deadline, $"not reached within 30 s:\n{host.Output}");
            await Task.Delay(200);
        }
    }
}
