using Google.Protobuf;
using ProjectHub.Approval.V1;
using ProjectHub.Testing;

namespace ProjectHub.Cli.Tests;

[Collection(ServicesCollection.Name)]
public sealed class ApprovalCommandTests(ServicesFixture services) : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("projecthub-approval-docs-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary>A project of its own owner unit with an open approval case; returns the case id.</summary>
    private async Task<string> OpenCaseAsync(string name, string ownerUnit, params string[] extra)
    {
        var projectId = await Projects.RegisterAsync(services, name, ownerUnit);
        var opened = await Cli.RunAsync(services, TestTokens.Drc,
            ["approvals", "open", "--project", projectId, "--total-investment", "5000", "--owner-unit", ownerUnit, .. extra, "--output", "json"]);
        Assert.True(opened.ExitCode == 0, opened.Err);
        return JsonParser.Default.Parse<ApprovalCase>(opened.Out).CaseId;
    }

    [Fact]
    public async Task Submitting_local_files_sends_their_hash_and_size_and_the_item_is_submitted()
    {
        const string owner = "审批测试业主甲";
        var caseId = await OpenCaseAsync("审批提交测试项目", owner);
        var proposal = Path.Combine(_directory, "项目建议书.pdf");
        await File.WriteAllTextAsync(proposal, "项目建议书正文");
        var map = Path.Combine(_directory, "map.png");
        await File.WriteAllBytesAsync(map, [1, 2, 3, 4, 5]);

        var submitted = await Cli.RunAsync(services, TestTokens.Owner(owner),
            "approvals", "submit", caseId, "--kind", "project_proposal", "--document", proposal, "--document", "选址图=" + map,
            "--document-location", "s3://approvals/2026-001/", "--output", "json");

        Assert.True(submitted.ExitCode == 0, submitted.Err);
        var item = JsonParser.Default.Parse<ApprovalItem>(submitted.Out);
        Assert.Equal(ItemState.Submitted, item.State);
        var first = item.Documents.Single(d => d.Name == "项目建议书.pdf");
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(await File.ReadAllBytesAsync(proposal))), first.Sha256);
        Assert.Equal(new FileInfo(proposal).Length, first.SizeBytes);
        Assert.Equal("s3://approvals/2026-001/项目建议书.pdf", first.Location);
        var second = item.Documents.Single(d => d.Name == "选址图");
        Assert.Equal(5, second.SizeBytes);
        Assert.Equal("s3://approvals/2026-001/map.png", second.Location);
    }

    [Fact]
    public async Task Without_a_location_base_the_files_absolute_path_is_the_location()
    {
        const string owner = "审批测试业主乙";
        var caseId = await OpenCaseAsync("审批提交测试项目（本地路径）", owner);
        var file = Path.Combine(_directory, "report.pdf");
        await File.WriteAllTextAsync(file, "content");

        var submitted = await Cli.RunAsync(services, TestTokens.Owner(owner),
            "approvals", "submit", caseId, "--kind", "project_proposal", "--document", file, "--output", "json");

        Assert.True(submitted.ExitCode == 0, submitted.Err);
        Assert.Equal(Path.GetFullPath(file), JsonParser.Default.Parse<ApprovalItem>(submitted.Out).Documents.Single().Location);
    }

    [Fact]
    public async Task A_document_that_is_not_a_local_file_is_bad_input_before_any_call()
    {
        var result = await Cli.RunAsync(services, TestTokens.Owner("审批测试业主丙"),
            "approvals", "submit", "0190c0de00007000800000000000abcd", "--kind", "project_proposal", "--document", "可研报告.pdf@s3://docs/1");

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("no such file", result.Err);
    }

    [Fact]
    public async Task A_calendar_answer_through_a_year_without_holiday_data_warns_and_exits_8()
    {
        var provisional = await Cli.RunAsync(services, TestTokens.Drc, "calendar", "add", "--date", "2031-09-30", "--days", "5");
        var known = await Cli.RunAsync(services, TestTokens.Drc, "calendar", "count", "--from", "2026-10-01", "--to", "2026-10-31");

        Assert.Equal(ExitCodes.Provisional, provisional.ExitCode);
        Assert.Contains("暂定", provisional.Out);
        Assert.Contains("该年节假日数据未发布", provisional.Err);
        Assert.Equal(0, known.ExitCode);
        Assert.Empty(known.Err);
    }

    [Fact]
    public async Task An_approval_deadline_in_a_year_without_holiday_data_is_marked_and_warned()
    {
        const string owner = "审批测试业主丁";
        var caseId = await OpenCaseAsync("审批期限暂定测试项目", owner);
        var file = Path.Combine(_directory, "proposal.pdf");
        await File.WriteAllTextAsync(file, "content");
        Assert.Equal(0, (await Cli.RunAsync(services, TestTokens.Owner(owner), "approvals", "submit", caseId, "--kind", "project_proposal", "--document", file)).ExitCode);
        var now = services.Clock.GetUtcNow();
        // The shipped calendar ends with 2026: five working days from the last days of December run into 2027.
        services.Clock.AdjustTime(new DateTimeOffset(2026, 12, 29, 2, 0, 0, TimeSpan.Zero));
        try
        {
            var accepted = await Cli.RunAsync(services, TestTokens.Drc, "approvals", "accept", caseId, "--kind", "project_proposal", "--department", "DRC");
            var shown = await Cli.RunAsync(services, TestTokens.Drc, "approvals", "show", caseId);
            var listed = await Cli.RunAsync(services, TestTokens.Drc, "approvals", "list", "--department", "DRC", "--output", "json");

            Assert.True(accepted.ExitCode == 0, accepted.Err);
            Assert.Contains("该年节假日数据未发布", accepted.Err);
            Assert.Equal(0, shown.ExitCode);
            Assert.Contains("2027-", shown.Out);
            Assert.Contains("暂定", shown.Out);
            Assert.Contains("该年节假日数据未发布", shown.Err);
            Assert.Contains("该年节假日数据未发布", listed.Err);
        }
        finally
        {
            services.Clock.AdjustTime(now);
        }
    }

    [Fact]
    public async Task Opening_a_case_without_an_investment_takes_the_registered_one()
    {
        var projectId = await Projects.RegisterAsync(services, "审批默认投资测试项目", "审批测试业主戊");

        var opened = await Cli.RunAsync(services, TestTokens.Drc,
            "approvals", "open", "--project", projectId, "--owner-unit", "审批测试业主戊", "--government-invested", "--output", "json");

        Assert.True(opened.ExitCode == 0, opened.Err);
        Assert.Equal("5000", JsonParser.Default.Parse<ApprovalCase>(opened.Out).TotalInvestment.Value);
        Assert.Contains("5,000 万元, as registered", opened.Err);
    }

    [Fact]
    public async Task A_department_may_be_named_as_the_tables_show_it_and_an_unknown_one_is_refused()
    {
        const string owner = "审批测试业主己";
        var caseId = await OpenCaseAsync("审批部门名称测试项目", owner);

        var byName = await Cli.RunAsync(services, TestTokens.Drc, "approvals", "list", "--department", "发改委", "--output", "json");
        var unknown = await Cli.RunAsync(services, TestTokens.Drc, "approvals", "list", "--department", "发改局");
        var shown = await Cli.RunAsync(services, TestTokens.Drc, "approvals", "show", caseId);

        Assert.True(byName.ExitCode == 0, byName.Err);
        Assert.Contains(JsonParser.Default.Parse<ListCasesResponse>(byName.Out).Cases, c => c.CaseId == caseId);
        Assert.Equal(ExitCodes.BadInput, unknown.ExitCode);
        Assert.Contains("DRC（发改委）", unknown.Err);
        Assert.Contains("发改委 DRC: pending", shown.Out);
    }
}
