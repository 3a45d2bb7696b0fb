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
        Assert.Contains("2 registered, 0 updated, 0 unchanged, 1 failed", result.Out);
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

    private const string Header = "national_code,name,tier,industry,locality,owner_unit,responsible_unit,industry_department,leader_in_charge,responsible_person,responsible_contact,total_investment,year_planned_investment,planned_start,planned_completion,stage,actual_start,milestones";

    private static string Row(string code, string name, string leader = "张副市长", string total = "5000", string tier = "municipal_major", string milestones = "") =>
        $"{code},{name},{tier},城市建设,鼓楼区,重导入业主,市住建局,住建局,{leader},王工,13800000000,{total},1000,2025-09-01,2026-08-31,under_construction,2025-09-01,{milestones}";

    private async Task<ListProjectsResponse> ListAsync(string name) => JsonParser.Default.Parse<ListProjectsResponse>(
        (await Cli.RunAsync(services, TestTokens.Drc, "projects", "list", "--name", name, "--output", "json")).Out);

    [Fact]
    public async Task Importing_the_same_file_twice_registers_nothing_twice_and_says_unchanged()
    {
        await File.WriteAllTextAsync(_file, string.Join("\n", Header,
            Row("", "重复导入甲", milestones: "主体封顶@2026-06-30@60"), Row("2025-350102-48-01-000731", "重复导入乙")));

        var first = await Cli.RunAsync(services, TestTokens.Drc, "projects", "import", "--csv", _file);
        var second = await Cli.RunAsync(services, TestTokens.Drc, "projects", "import", "--csv", _file, "--output", "json");

        Assert.True(first.ExitCode == 0, first.Err);
        Assert.Contains("2 registered, 0 updated, 0 unchanged, 0 failed", first.Out);
        Assert.True(second.ExitCode == 0, second.Err);
        using var json = System.Text.Json.JsonDocument.Parse(second.Out);
        Assert.Equal(0, json.RootElement.GetProperty("registered").GetArrayLength());
        Assert.Equal([2, 3], json.RootElement.GetProperty("unchanged").EnumerateArray().Select(r => r.GetProperty("line").GetInt32()));
        Assert.All(json.RootElement.GetProperty("unchanged").EnumerateArray(), r => Assert.Equal("unchanged", r.GetProperty("outcome").GetString()));
        Assert.Equal(2, (await ListAsync("重复导入")).Projects.Count);
    }

    [Fact]
    public async Task A_changed_row_updates_the_project_it_matches_by_code_or_by_name_and_owner()
    {
        await File.WriteAllTextAsync(_file, string.Join("\n", Header, Row("", "更新导入甲"), Row("2025-350102-48-01-000732", "更新导入乙")));
        Assert.Equal(0, (await Cli.RunAsync(services, TestTokens.Drc, "projects", "import", "--csv", _file)).ExitCode);
        // Row 2 matches by name and owner unit (new leader); row 3 by its code although its name changed.
        await File.WriteAllTextAsync(_file, string.Join("\n", Header, Row("", "更新导入甲", leader: "李副市长"),
            Row("2025-350102-48-01-000732", "更新导入乙（二期）", total: "5000.0")));

        var result = await Cli.RunAsync(services, TestTokens.Drc, "projects", "import", "--csv", _file);

        Assert.True(result.ExitCode == 0, result.Err);
        Assert.Contains("0 registered, 2 updated, 0 unchanged, 0 failed", result.Out);
        Assert.Contains("line 2: updated", result.Out);
        Assert.Contains("(leader_in_charge)", result.Out);
        Assert.Contains("更新导入乙（二期） (name)", result.Out); // 5000.0 is the stored 5000: not a change
        var listed = await ListAsync("更新导入");
        Assert.Equal(2, listed.Projects.Count);
        Assert.Equal("李副市长", listed.Projects.Single(p => p.Fields.Name == "更新导入甲").Fields.LeaderInCharge);
    }

    [Fact]
    public async Task Every_bad_cell_of_a_row_is_reported_at_once_without_knock_on_errors()
    {
        await File.WriteAllTextAsync(_file, string.Join("\n", Header, Row("", "多错导入", total: "-3", tier: "city", milestones: "封顶@2026-06-30")));

        var result = await Cli.RunAsync(services, TestTokens.Drc, "projects", "import", "--csv", _file);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        var errors = result.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(errors, e => e.Contains(":2: tier: 'city' is not one of", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains(":2: milestones: '封顶@2026-06-30'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains(":2: project.total_investment:", StringComparison.Ordinal));
        Assert.DoesNotContain(errors, e => e.Contains("project.tier", StringComparison.Ordinal));
        Assert.Empty((await ListAsync("多错导入")).Projects);
    }

    [Fact]
    public async Task A_cell_that_cannot_be_read_brings_no_errors_about_the_cells_judged_against_it()
    {
        // Without the total the registry would compare the year's plan with 0; without the milestone's date, with 0001-01-01.
        await File.WriteAllTextAsync(_file, string.Join("\n", Header, Row("", "连带错误导入", total: "abc", milestones: "封顶@2026-13-30@60")));

        var result = await Cli.RunAsync(services, TestTokens.Drc, "projects", "import", "--csv", _file);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        var errors = result.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, errors.Length);
        Assert.Contains(errors, e => e.Contains(":2: total_investment: 'abc' is not an amount", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains(":2: milestones: '封顶@2026-13-30@60'", StringComparison.Ordinal));
        Assert.Empty((await ListAsync("连带错误导入")).Projects);
    }
}
