using ProjectHub.Testing;

namespace ProjectHub.Cli.Tests;

[Collection(ServicesCollection.Name)]
public sealed class ReportMilestoneTests(ServicesFixture services)
{
    [Fact]
    public async Task Replacing_a_week_without_reached_keeps_its_milestone_says_so_and_withdraw_takes_it_back()
    {
        var register = await Cli.RunAsync(services, TestTokens.Drc,
            [.. Projects.RegisterArgs("周报里程碑保留项目"), "--milestone", "桩基完成@2026-02-28@40", "--output", "json"]);
        Assert.True(register.ExitCode == 0, register.Err);
        var id = Google.Protobuf.JsonParser.Default.Parse<ProjectHub.Registry.V1.Project>(register.Out).Id;
        var owner = TestTokens.Owner(Projects.OwnerUnit);
        string[] Week(string percent) =>
        [
            "report", "submit", "--project", id, "--week", "2026-03-02", "--percent", percent, "--period-investment", "50",
            "--cumulative-investment", "400", "--workers", "30", "--state", "normal", "--narrative", "桩基施工",
        ];

        var first = await Cli.RunAsync(services, owner, [.. Week("48"), "--reached", "桩基完成@2026-03-02"]);
        Assert.True(first.ExitCode == 0, first.Err);

        var corrected = await Cli.RunAsync(services, owner, Week("49"));
        Assert.True(corrected.ExitCode == 0, corrected.Err);
        Assert.Contains("已保留的里程碑", corrected.Out);
        Assert.Contains("桩基完成 2026-03-02", corrected.Out);

        var withdrawn = await Cli.RunAsync(services, owner, [.. Week("49"), "--withdraw-milestone", "桩基完成", "--output", "json"]);
        Assert.True(withdrawn.ExitCode == 0, withdrawn.Err);
        var response = Google.Protobuf.JsonParser.Default.Parse<ProjectHub.Registry.V1.SubmitProgressReportResponse>(withdrawn.Out);
        Assert.Empty(response.Report.ReachedMilestones);
        Assert.Equal(3, response.Report.Version);
    }
}
