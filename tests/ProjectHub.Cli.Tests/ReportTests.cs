using Google.Protobuf;
using ProjectHub.Registry.V1;
using ProjectHub.Testing;

namespace ProjectHub.Cli.Tests;

[Collection(ServicesCollection.Name)]
public sealed class ReportTests(ServicesFixture services) : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"projecthub-report-{Guid.NewGuid():N}.json");

    public void Dispose() => File.Delete(_file);

    [Fact]
    public async Task A_report_from_a_file_far_behind_plan_turns_the_light_red()
    {
        var id = await Projects.RegisterAsync(services, "周报测试项目（落后）");
        // Plan says 50 % on 2026-03-02; 10 % is 40 points behind (> 30: red).
        await File.WriteAllTextAsync(_file, $$"""
            { "projectId": "{{id}}", "periodStart": "2026-03-02", "periodEnd": "2026-03-08",
              "cumulativePercent": { "value": "10" }, "periodInvestment": { "value": "50" },
              "cumulativeInvestment": { "value": "400" }, "workers": 30, "state": "CONSTRUCTION_STATE_SLOWED", "narrative": "征迁受阻，进度滞后" }
            """);

        var submitted = await Cli.RunAsync(services, TestTokens.Owner(Projects.OwnerUnit), "report", "submit", "--file", _file, "--output", "json");

        Assert.True(submitted.ExitCode == 0, submitted.Err);
        var response = JsonParser.Default.Parse<SubmitProgressReportResponse>(submitted.Out);
        Assert.Equal(Light.Red, response.Light.Light);
        Assert.Equal(SubmissionOutcome.New, response.Outcome);

        var light = await Cli.RunAsync(services, TestTokens.Drc, "lights", id);
        Assert.Equal(0, light.ExitCode);
        Assert.Contains("红灯", light.Out);

        var reports = await Cli.RunAsync(services, TestTokens.Drc, "report", "list", "--project", id);
        Assert.Contains("征迁受阻，进度滞后", reports.Out);

        var board = await Cli.RunAsync(services, TestTokens.Drc, "board");
        Assert.Equal(0, board.ExitCode);
        Assert.Contains("by department", board.Out);
    }

    [Fact]
    public async Task A_report_file_with_an_unknown_field_is_bad_input()
    {
        await File.WriteAllTextAsync(_file, """{ "projectId": "x", "percentage": 5 }""");

        var result = await Cli.RunAsync(services, TestTokens.Drc, "report", "submit", "--file", _file);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains(_file, result.Err);
    }
}
