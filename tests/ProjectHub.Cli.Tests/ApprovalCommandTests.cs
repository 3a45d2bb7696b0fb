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
}
