using ProjectHub.Testing;

namespace ProjectHub.Cli.Tests;

/// <summary>Register flags for a believable project: planned 2025-09-01..2026-08-31, so on 2026-03-02 the plan says 50 %.</summary>
public static class Projects
{
    public const string OwnerUnit = "市城投集团";
    public const string ResponsibleUnit = "市住建局";

    public static string[] RegisterArgs(string name, string ownerUnit = OwnerUnit, string responsibleUnit = ResponsibleUnit, string tier = "municipal_major") =>
    [
        "projects", "register", "--name", name, "--tier", tier, "--industry", "城市建设", "--locality", "鼓楼区",
        "--owner-unit", ownerUnit, "--responsible-unit", responsibleUnit, "--department", "住建局", "--leader", "张副市长",
        "--person", "王工", "--contact", "13800000000", "--total-investment", "5000", "--year-investment", "1000",
        "--planned-start", "2025-09-01", "--planned-completion", "2026-08-31", "--stage", "under_construction", "--actual-start", "2025-09-01",
    ];

    public static async Task<string> RegisterAsync(ServicesFixture services, string name, string ownerUnit = OwnerUnit, string responsibleUnit = ResponsibleUnit)
    {
        var result = await Cli.RunAsync(services, TestTokens.Drc, [.. RegisterArgs(name, ownerUnit, responsibleUnit), "--output", "json"]);
        Assert.True(result.ExitCode == 0, result.Err);
        return Google.Protobuf.JsonParser.Default.Parse<ProjectHub.Registry.V1.Project>(result.Out).Id;
    }
}
