using Google.Protobuf;
using ProjectHub.Escalation.V1;
using ProjectHub.Testing;

namespace ProjectHub.Cli.Tests;

/// <summary>problems show: the history names tiers as people know them (项目责任单位/业主单位), and the project by name.</summary>
[Collection(ServicesCollection.Name)]
public sealed class ProblemHistoryTextTests(ServicesFixture services)
{
    [Fact]
    public async Task Problem_history_shows_Chinese_tier_names_and_the_project_name()
    {
        const string owner = "层级名称测试城投公司";
        var projectId = await Projects.RegisterAsync(services, "层级名称测试项目", owner, "层级名称测试责任单位");
        await services.WaitUntilEscalationKnowsAsync(projectId);
        var raised = await Cli.RunAsync(services, TestTokens.Owner(owner),
            "problems", "raise", "--project", projectId, "--category", "land", "--description", "征地红线内三户未签约", "--output", "json");
        Assert.True(raised.ExitCode == 0, raised.Err);
        var problem = JsonParser.Default.Parse<Problem>(raised.Out);
        Assert.Equal("层级名称测试项目", problem.ProjectName);

        var escalated = await Cli.RunAsync(services, TestTokens.Drc, "problems", "escalate", problem.Id, "--reason", "超出单位协调能力");
        Assert.True(escalated.ExitCode == 0, escalated.Err);
        var show = await Cli.RunAsync(services, TestTokens.Drc, "problems", "show", problem.Id);

        Assert.True(show.ExitCode == 0, show.Err);
        Assert.Contains("层级名称测试项目", show.Out);
        Assert.Contains("项目责任单位/业主单位 → 行业主管部门", show.Out);
        Assert.DoesNotContain("RESPONSIBLE_UNIT → INDUSTRY_DEPARTMENT", show.Out);
    }
}
