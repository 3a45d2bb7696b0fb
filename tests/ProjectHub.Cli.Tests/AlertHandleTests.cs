using Google.Protobuf;
using ProjectHub.Escalation.V1;
using ProjectHub.Testing;

namespace ProjectHub.Cli.Tests;

/// <summary>
/// alerts list shows each alert's short number and its project's name; alerts ack takes that number, or a start of an
/// id that names exactly one pending alert (an ambiguous one is refused with the candidates and acknowledges nothing).
/// </summary>
[Collection(ServicesCollection.Name)]
public sealed class AlertHandleTests(ServicesFixture services)
{
    private const string Owner = "简号测试城投公司";
    private const string Recipient = "简号测试责任单位"; // its own recipient: no alerts from other tests
    private const string ProjectName = "简号测试安置房项目";

    [Fact]
    public async Task Alerts_are_listed_by_number_and_project_name_and_acknowledged_by_number_or_unambiguous_prefix()
    {
        var projectId = await Projects.RegisterAsync(services, ProjectName, Owner, Recipient);
        await services.WaitUntilEscalationKnowsAsync(projectId);
        foreach (var description in new[] { "征地红线内三户未签约", "施工用电未接入" })
        {
            var raised = await Cli.RunAsync(services, TestTokens.Owner(Owner),
                "problems", "raise", "--project", projectId, "--category", "land", "--description", description);
            Assert.True(raised.ExitCode == 0, raised.Err);
        }

        var alerts = await PendingAsync(2);
        Assert.All(alerts, a => Assert.Equal(ProjectName, a.ProjectName));
        var table = await Cli.RunAsync(services, TestTokens.Owner(Recipient), "alerts", "list");
        Assert.Contains(ProjectName, table.Out);
        Assert.Contains($"#{alerts[0].Sequence}", table.Out);
        Assert.DoesNotContain(alerts[0].Id, table.Out);

        // Both ids start with PROBLEM_ARRIVED/: refused, with both numbers offered, and nothing acknowledged.
        var ambiguous = await Cli.RunAsync(services, TestTokens.Owner(Recipient), "alerts", "ack", "PROBLEM_ARRIVED/");
        Assert.Equal(ExitCodes.BadInput, ambiguous.ExitCode);
        Assert.Contains($"#{alerts[0].Sequence}", ambiguous.Err);
        Assert.Contains($"#{alerts[1].Sequence}", ambiguous.Err);
        Assert.Equal(2, (await PendingAsync(2)).Count);

        var byNumber = await Cli.RunAsync(services, TestTokens.Owner(Recipient), "alerts", "ack", $"#{alerts[0].Sequence}");
        Assert.True(byNumber.ExitCode == 0, byNumber.Err);
        Assert.Contains(ProjectName, byNumber.Out);
        var left = Assert.Single(await PendingAsync(1));
        Assert.Equal(alerts[1].Id, left.Id);

        var byPrefix = await Cli.RunAsync(services, TestTokens.Owner(Recipient), "alerts", "ack", alerts[1].Id[..30]);
        Assert.True(byPrefix.ExitCode == 0, byPrefix.Err);
        Assert.Empty(await PendingAsync(0));
    }

    /// <summary>Waits until the recipient has exactly <paramref name="count"/> pending alerts (they are written by events).</summary>
    private async Task<List<Alert>> PendingAsync(int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var result = await Cli.RunAsync(services, TestTokens.Owner(Recipient), "alerts", "list", "--output", "json");
            var alerts = result.ExitCode == 0 ? JsonParser.Default.Parse<ListAlertsResponse>(result.Out).Alerts.ToList() : [];
            if (alerts.Count == count)
            {
                return alerts;
            }

            Assert.True(DateTime.UtcNow < deadline, $"expected {count} alerts for {Recipient}: {result.Out} {result.Err}");
            await Task.Delay(100);
        }
    }
}
