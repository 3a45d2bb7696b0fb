using Google.Protobuf;
using ProjectHub.Registry.V1;
using ProjectHub.Testing;

namespace ProjectHub.Cli.Tests;

[Collection(ServicesCollection.Name)]
public sealed class ProjectCommandTests(ServicesFixture services)
{
    [Fact]
    public async Task Register_then_show_and_list_in_table_and_json()
    {
        var registered = await Cli.RunAsync(services, TestTokens.Drc, [.. Projects.RegisterArgs("地铁3号线一期工程"), "--output", "json"]);
        Assert.Equal(0, registered.ExitCode);
        var project = JsonParser.Default.Parse<Project>(registered.Out);
        Assert.Equal("地铁3号线一期工程", project.Fields.Name);
        Assert.Equal(ProjectStage.UnderConstruction, project.Stage);

        var shown = await Cli.RunAsync(services, TestTokens.Drc, "projects", "show", project.Id);
        Assert.Equal(0, shown.ExitCode);
        Assert.Contains("地铁3号线一期工程", shown.Out);
        Assert.Contains("张副市长", shown.Out);

        var json = await Cli.RunAsync(services, TestTokens.Drc, "projects", "list", "--name", "地铁3号线", "--output", "json");
        Assert.Equal(0, json.ExitCode);
        var listed = JsonParser.Default.Parse<ListProjectsResponse>(json.Out);
        Assert.Equal(project.Id, Assert.Single(listed.Projects).Id);

        var table = await Cli.RunAsync(services, TestTokens.Drc, "projects", "list", "--name", "地铁3号线");
        Assert.Equal(0, table.ExitCode);
        Assert.Contains("地铁3号线一期工程", table.Out);
        Assert.Contains("1 project(s)", table.Out);
        AssertAligned(table.Out);
    }

    [Fact]
    public async Task A_bad_register_prints_one_line_per_field_violation_and_exits_2()
    {
        var result = await Cli.RunAsync(services, TestTokens.Drc, "projects", "register", "--name", "缺字段的项目", "--total-investment", "-5");

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        var lines = result.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("error (INVALID_ARGUMENT)", lines[0]);
        var fieldLines = lines.Skip(1).Where(l => l.StartsWith("  project.", StringComparison.Ordinal)).ToList();
        Assert.True(fieldLines.Count >= 3, result.Err);
        Assert.Contains(fieldLines, l => l.Contains("project.total_investment", StringComparison.Ordinal));
        Assert.Equal(fieldLines.Count, fieldLines.Distinct().Count());
    }

    [Fact]
    public async Task An_unknown_enum_name_is_bad_input_before_any_call()
    {
        var result = await Cli.RunAsync(services, TestTokens.Drc, Projects.RegisterArgs("枚举错误项目", tier: "galactic"));

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("--tier: 'galactic' is not one of", result.Err);
    }

    [Fact]
    public async Task Showing_an_unknown_project_exits_3()
    {
        var result = await Cli.RunAsync(services, TestTokens.Drc, "projects", "show", Guid.NewGuid().ToString());

        Assert.Equal(ExitCodes.NotFound, result.ExitCode);
        Assert.StartsWith("error (NOT_FOUND)", result.Err);
    }

    [Fact]
    public async Task A_usage_error_exits_2()
    {
        var result = await Cli.RunAsync(services, TestTokens.Drc, "projects", "list", "--output", "xml");

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
    }

    /// <summary>Every line of the table has the same display width, counting CJK characters as two columns.</summary>
    private static void AssertAligned(string output)
    {
        var tableLines = output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0 && !l.Contains("project(s)", StringComparison.Ordinal)).ToList();
        Assert.True(tableLines.Count >= 4, output);
        var widths = tableLines.Select(DisplayWidth).Distinct().ToList();
        Assert.True(widths.Count == 1, "table lines differ in width:\n" + output);
    }

    private static int DisplayWidth(string line) =>
        line.Sum(c => c is >= '\u1100' and <= '\u115F' or >= '\u2E80' and <= '\uA4CF' or >= '\uAC00' and <= '\uD7A3' or >= '\uF900' and <= '\uFAFF' or >= '\uFF00' and <= '\uFF60' or >= '\uFFE0' and <= '\uFFE6' ? 2 : 1);

    [Fact]
    public async Task An_empty_list_for_an_owner_token_hints_at_the_tokens_unit()
    {
        await Projects.RegisterAsync(services, "单位拼写提示测试项目");

        var misspelled = await Cli.RunAsync(services, TestTokens.Owner("市城头集团"), "projects", "list", "--output", "json");
        var right = await Cli.RunAsync(services, TestTokens.Owner(Projects.OwnerUnit), "projects", "list");

        Assert.Equal(0, misspelled.ExitCode);
        Assert.Empty(Google.Protobuf.JsonParser.Default.Parse<ProjectHub.Registry.V1.ListProjectsResponse>(misspelled.Out).Projects);
        Assert.Contains("hint: your owner token acts for '市城头集团'", misspelled.Err);
        Assert.Equal(0, right.ExitCode);
        Assert.DoesNotContain("hint:", right.Err);
    }
}
