using Google.Protobuf;
using ProjectHub.Registry.V1;
using ProjectHub.Testing;

namespace ProjectHub.Cli.Tests;

[Collection(ServicesCollection.Name)]
public sealed class ImportTests(ServicesFixture services) : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"projecthub-import-{Guid.NewGuid():N}.csv");

    public void Dispose() => File.Delete(_file);

    [Fact]
    public async Task A_bad_row_is_reported_with_its_line_and_the_other_rows_are_registered()
    {
        const string header = "name,tier,industry,locality,owner_unit,responsible_unit,industry_department,leader_in_charge,responsible_person,responsible_contact,total_investment,year_planned_investment,planned_start,planned_completion,stage,actual_start,milestones";
        await File.WriteAllTextAsync(_file, string.Join("\n",
            header,
            "导入测试甲（滨江大道）,municipal_major,城市建设,鼓楼区,市城投集团,市住建局,住建局,张副市长,王工,13800000000,5000,1000,2025-09-01,2026-08-31,under_construction,2025-09-01,",
            "导入测试乙,municipal_major,城市建设,鼓楼区,市城投集团,市住建局,住建局,张副市长,王工,13800000000,-3,1000,2025-09-01,2026-08-31,pre_construction,,",
            "\"导入测试丙, 含逗号\",provincial_key,交通,台江区,市交投集团,市交通局,交通局,李副市长,陈工,13900000000,8000,2000,2026-01-01,2027-12-31,pre_construction,,主体封顶@2027-06-30@60",
            ""));

        var result = await Cli.RunAsync(services, TestTokens.Drc, "projects", "import", "--csv", _file);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("2 registered, 1 failed", result.Out);
        var errors = result.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(errors);
        Assert.All(errors, line => Assert.StartsWith($"{_file}:3: ", line));
        Assert.Contains(errors, line => line.Contains("total_investment", StringComparison.Ordinal));

        var listed = JsonParser.Default.Parse<ListProjectsResponse>(
            (await Cli.RunAsync(services, TestTokens.Drc, "projects", "list", "--name", "导入测试", "--output", "json")).Out);
        Assert.Equal(["导入测试丙, 含逗号", "导入测试甲（滨江大道）"], listed.Projects.Select(p => p.Fields.Name).Order(StringComparer.Ordinal));
        Assert.Single(listed.Projects.Single(p => p.Fields.Name == "导入测试丙, 含逗号").Fields.Baseline.Milestones);
    }

    [Fact]
    public async Task An_unknown_column_stops_the_import_before_any_row()
    {
        await File.WriteAllTextAsync(_file, "name,colour\n未知列项目,red\n");

        var result = await Cli.RunAsync(services, TestTokens.Drc, "projects", "import", "--csv", _file);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("unknown column(s) colour", result.Err);
    }
}
