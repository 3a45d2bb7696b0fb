using Google.Protobuf;
using ProjectHub.Approval.V1;
using ProjectHub.Testing;

namespace ProjectHub.Cli.Tests;

/// <summary>What people read in tables and refusals: Chinese names, money in 万元 with separators.</summary>
[Collection(ServicesCollection.Name)]
public sealed class OutputTextTests(ServicesFixture services)
{
    [Fact]
    public async Task The_board_names_tiers_in_Chinese_and_money_has_separators_without_spurious_decimals()
    {
        var args = Projects.RegisterArgs("输出格式测试（国家重大）", tier: "national");
        args[Array.IndexOf(args, "--total-investment") + 1] = "218000.0";
        var registered = await Cli.RunAsync(services, TestTokens.Drc, [.. args, "--output", "json"]);
        Assert.True(registered.ExitCode == 0, registered.Err);
        var id = JsonParser.Default.Parse<ProjectHub.Registry.V1.Project>(registered.Out).Id;

        var board = await Cli.RunAsync(services, TestTokens.Drc, "board");
        var shown = await Cli.RunAsync(services, TestTokens.Drc, "projects", "show", id);

        Assert.Equal(0, board.ExitCode);
        Assert.Contains("国家重大 national", board.Out);
        Assert.DoesNotContain("NATIONAL", board.Out);
        Assert.Contains("total 218,000, this year 1,000", shown.Out);
        Assert.DoesNotContain("218000", shown.Out);
    }

    [Fact]
    public async Task A_refused_approval_step_is_explained_in_Chinese_with_the_items_name_and_state()
    {
        const string owner = "输出格式测试业主";
        var projectId = await Projects.RegisterAsync(services, "输出格式测试（审批）", owner);
        var opened = await Cli.RunAsync(services, TestTokens.Drc,
            "approvals", "open", "--project", projectId, "--total-investment", "5000", "--owner-unit", owner, "--output", "json");
        var caseId = JsonParser.Default.Parse<ApprovalCase>(opened.Out).CaseId;

        var accepted = await Cli.RunAsync(services, TestTokens.Drc, "approvals", "accept", caseId, "--kind", "project_proposal", "--department", "发改委");

        Assert.Equal(ExitCodes.FailedPrecondition, accepted.ExitCode);
        Assert.Contains("项目建议书当前未提交，没有待受理的提交。", accepted.Err);
        Assert.Contains("NOT_SUBMITTED", accepted.Err);
    }

    [Theory]
    [InlineData("projects", "show")]
    [InlineData("projects", "update")]
    [InlineData("projects", "list")]
    [InlineData("report", "submit")]
    [InlineData("lights")]
    [InlineData("approvals", "open")]
    [InlineData("approvals", "show")]
    [InlineData("approvals", "accept")]
    [InlineData("problems", "raise")]
    [InlineData("problems", "show")]
    [InlineData("alerts", "list")]
    public async Task Help_uses_ids_as_the_services_make_them_and_says_what_it_means(params string[] command)
    {
        var help = await Cli.RunAsync(new TestConfigSource(), [.. command, "--help"]);

        Assert.Equal(0, help.ExitCode);
        Assert.DoesNotMatch(@"\b(p|c|pr)-1\b|p-123|--all(?![-\w])", help.Out);
        Assert.DoesNotContain("image progress", help.Out);
        Assert.Matches("019cac46-1500-7c3b-9d1e-5f2a3b4c5d6e|3f2a9c0d5e6b47a8b1c2d3e4f5a6b7c8|physical progress|--all-pages|7c1e9a52-3b4d-4f6e-8a90-1b2c3d4e5f60|--include-acknowledged", help.Out);
    }
}
