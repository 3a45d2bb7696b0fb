using Google.Protobuf;
using ProjectHub.Escalation.V1;
using ProjectHub.Security;
using ProjectHub.Testing;

namespace ProjectHub.Cli.Tests;

[Collection(ServicesCollection.Name)]
public sealed class ProblemAndAlertTests(ServicesFixture services)
{
    // Units by their names, as projects spell them: the token's unit claim carries them (a JWT is ASCII whatever it says).
    private const string Owner = "问题测试城投公司";
    private const string Responsible = "问题测试责任单位";

    /// <summary>A unit outside every project these tests register.</summary>
    private static readonly Caller PasserBy = TestTokens.Owner("无关单位");

    /// <summary>The registry's "project registered" event reaches escalation over the bus; until then raising is refused.</summary>
    private async Task<Problem> RaiseAsync(string projectId)
    {
        await services.WaitUntilEscalationKnowsAsync(projectId);
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var result = await Cli.RunAsync(services, TestTokens.Owner(Owner),
                "problems", "raise", "--project", projectId, "--category", "land", "--description", "征地红线内三户未签约", "--output", "json");
            if (result.ExitCode == 0)
            {
                return JsonParser.Default.Parse<Problem>(result.Out);
            }

            Assert.True(DateTime.UtcNow < deadline, $"raise kept failing: {result.ExitCode} {result.Err}");
            await Task.Delay(100);
        }
    }

    /// <summary>Alerts may be written after the raise returns (event-driven); wait until the recipient has it.</summary>
    private async Task AlertArrivesAsync(string recipient, string problemId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var result = await Cli.RunAsync(services, TestTokens.Owner(recipient), "alerts", "list", "--output", "json");
            if (result.ExitCode == 0 && JsonParser.Default.Parse<ListAlertsResponse>(result.Out).Alerts.Any(a => a.ProblemId == problemId))
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"no alert for {recipient}: {result.Out} {result.Err}");
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task Problems_raise_ack_resolve()
    {
        var projectId = await Projects.RegisterAsync(services, "问题测试项目", Owner, Responsible);
        var problem = await RaiseAsync(projectId);
        Assert.Equal(ProblemState.Open, problem.State);

        var ack = await Cli.RunAsync(services, TestTokens.Drc, "problems", "ack", problem.Id, "--output", "json");
        Assert.True(ack.ExitCode == 0, ack.Err);
        Assert.Equal(ProblemState.Acknowledged, JsonParser.Default.Parse<Problem>(ack.Out).State);

        var resolve = await Cli.RunAsync(services, TestTokens.Drc, "problems", "resolve", problem.Id, "--resolution", "三户已签约");
        Assert.True(resolve.ExitCode == 0, resolve.Err);
        Assert.Contains("三户已签约", resolve.Out);

        var list = await Cli.RunAsync(services, TestTokens.Drc, "problems", "list", "--project", projectId, "--state", "resolved", "--output", "json");
        Assert.Equal(problem.Id, Assert.Single(JsonParser.Default.Parse<ListProblemsResponse>(list.Out).Problems).Id);

        var show = await Cli.RunAsync(services, TestTokens.Drc, "problems", "show", problem.Id);
        Assert.Contains("RESOLVED", show.Out);
    }

    [Fact]
    public async Task Someone_not_handling_the_tier_is_denied_with_exit_4()
    {
        var projectId = await Projects.RegisterAsync(services, "问题权限测试项目", Owner, Responsible);
        var problem = await RaiseAsync(projectId);

        var result = await Cli.RunAsync(services, PasserBy, "problems", "ack", problem.Id);

        Assert.Equal(ExitCodes.Denied, result.ExitCode);
        Assert.StartsWith("error (PERMISSION_DENIED)", result.Err);
    }

    [Fact]
    public async Task Alerts_list_and_ack()
    {
        var projectId = await Projects.RegisterAsync(services, "提醒测试项目", Owner, Responsible);
        var problem = await RaiseAsync(projectId);
        const string recipient = Responsible; // the responsible unit receives tier 1's "problem arrived"; its token is an owner's

        await AlertArrivesAsync(recipient, problem.Id);
        var listed = await Cli.RunAsync(services, TestTokens.Owner(recipient), "alerts", "list", "--output", "json");
        Assert.Equal(0, listed.ExitCode);
        var alert = Assert.Single(JsonParser.Default.Parse<ListAlertsResponse>(listed.Out).Alerts, a => a.ProblemId == problem.Id);
        Assert.Equal("PROBLEM_ARRIVED", alert.Code);

        var table = await Cli.RunAsync(services, TestTokens.Owner(recipient), "alerts", "list");
        Assert.Contains(alert.Title, table.Out);

        var denied = await Cli.RunAsync(services, PasserBy, "alerts", "ack", alert.Id);
        Assert.Equal(ExitCodes.Denied, denied.ExitCode);

        var acked = await Cli.RunAsync(services, TestTokens.Owner(recipient), "alerts", "ack", alert.Id);
        Assert.True(acked.ExitCode == 0, acked.Err);

        var after = await Cli.RunAsync(services, TestTokens.Owner(recipient), "alerts", "list", "--output", "json");
        Assert.DoesNotContain(JsonParser.Default.Parse<ListAlertsResponse>(after.Out).Alerts, a => a.Id == alert.Id);
        var all = await Cli.RunAsync(services, TestTokens.Owner(recipient), "alerts", "list", "--include-acknowledged", "--output", "json");
        Assert.True(Assert.Single(JsonParser.Default.Parse<ListAlertsResponse>(all.Out).Alerts, a => a.Id == alert.Id).Acknowledged);
    }

    [Fact]
    public async Task Alerts_watch_with_ack_receives_and_acknowledges_unacknowledged_alerts()
    {
        const string recipient = "订阅测试责任单位"; // its own recipient: no alerts from other tests
        var projectId = await Projects.RegisterAsync(services, "提醒订阅测试项目", Owner, recipient);
        var problem = await RaiseAsync(projectId);

        await AlertArrivesAsync(recipient, problem.Id);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CliApp.RunAsync(
            ["alerts", "watch", "--max", "1", "--ack", "--output", "json", .. services.Endpoints, "--token", TestTokens.Mint(TestTokens.Owner(recipient))],
            output, error, new TestConfigSource(), timeout.Token);
        Assert.True(code == 0, error.ToString());

        var first = JsonParser.Default.Parse<Alert>(output.ToString().Split('\n')[0]);
        Assert.Equal(problem.Id, first.ProblemId);
        var after = await Cli.RunAsync(services, TestTokens.Owner(recipient), "alerts", "list", "--output", "json");
        Assert.DoesNotContain(JsonParser.Default.Parse<ListAlertsResponse>(after.Out).Alerts, a => a.Id == first.Id);
    }
}
