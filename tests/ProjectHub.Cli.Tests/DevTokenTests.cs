using System.Text.Json;
using Google.Protobuf;
using Microsoft.IdentityModel.JsonWebTokens;
using ProjectHub.Registry.V1;
using ProjectHub.Testing;

namespace ProjectHub.Cli.Tests;

/// <summary>projecthub dev-token: the claims asked for, accepted by development services, refused outside development.</summary>
[Collection(ServicesCollection.Name)]
public sealed class DevTokenTests(ServicesFixture services) : IDisposable
{
    private readonly string _configHome = Directory.CreateTempSubdirectory("projecthub-cli-devtoken-").FullName;

    public void Dispose() => Directory.Delete(_configHome, recursive: true);

    private TestConfigSource Source() => new() { ConfigFilePath = Path.Combine(_configHome, "projecthub", "config.json") };

    private async Task<string> MintAsync(params string[] args)
    {
        var result = await Cli.RunAsync(Source(), ["dev-token", .. args, .. services.Endpoints]);
        Assert.True(result.ExitCode == 0, result.Err);
        return result.Out.Trim();
    }

    [Fact]
    public async Task A_minted_owner_token_carries_the_claims_asked_for_and_the_services_accept_it_in_its_scope()
    {
        var own = await Projects.RegisterAsync(services, "开发令牌测试项目", ownerUnit: "令牌测试城投公司");
        var other = await Projects.RegisterAsync(services, "开发令牌他人项目", ownerUnit: "令牌测试他人公司");
        var token = await MintAsync("--role", "owner", "--unit", "令牌测试城投公司", "--subject", "李工", "--name", "李工程师", "--hours", "2");

        var jwt = new JsonWebTokenHandler().ReadJsonWebToken(token);
        Assert.Equal("李工", jwt.Subject);
        Assert.Equal("owner", jwt.GetPayloadValue<string>("role"));
        Assert.Equal("令牌测试城投公司", jwt.GetPayloadValue<string>("unit"));
        Assert.Equal("李工程师", jwt.GetPayloadValue<string>("name"));
        Assert.Equal(TimeSpan.FromHours(2), jwt.ValidTo - jwt.IssuedAt);

        // Round trip: the list an owner sees is its own projects only, and the other unit's project is refused.
        var listed = await Cli.RunAsync(Source(), ["projects", "list", "--name", "开发令牌", "--output", "json", .. services.Endpoints, "--token", token]);
        Assert.True(listed.ExitCode == 0, listed.Err);
        Assert.Equal(own, Assert.Single(JsonParser.Default.Parse<ListProjectsResponse>(listed.Out).Projects).Id);
        var denied = await Cli.RunAsync(Source(), ["projects", "show", other, .. services.Endpoints, "--token", token]);
        Assert.Equal(ExitCodes.Denied, denied.ExitCode);
    }

    [Fact]
    public async Task A_leader_token_carries_its_tiers_and_json_output_describes_it()
    {
        var result = await Cli.RunAsync(Source(),
            ["dev-token", "--role", "leader", "--unit", "张副市长", "--tier", "VICE_MAYOR", "--tier", "executive_vice_mayor", "--output", "json", .. services.Endpoints]);

        Assert.True(result.ExitCode == 0, result.Err);
        using var json = JsonDocument.Parse(result.Out);
        var jwt = new JsonWebTokenHandler().ReadJsonWebToken(json.RootElement.GetProperty("token").GetString());
        Assert.Equal("张副市长", jwt.Subject); // the unit acts when no subject is given
        Assert.Equal(["VICE_MAYOR", "EXECUTIVE_VICE_MAYOR"], jwt.Claims.Where(c => c.Type == "tier").Select(c => c.Value));
        Assert.Equal("leader", json.RootElement.GetProperty("role").GetString());
    }

    [Fact]
    public async Task Save_writes_the_token_to_the_config_file_and_later_calls_use_it()
    {
        var source = Source();
        var saved = await Cli.RunAsync(source, ["dev-token", "--role", "inspector", "--save", .. services.Endpoints]);
        Assert.True(saved.ExitCode == 0, saved.Err);
        Assert.Contains(source.ConfigFilePath, saved.Out);
        using (var file = JsonDocument.Parse(await File.ReadAllTextAsync(source.ConfigFilePath)))
        {
            Assert.StartsWith("eyJ", file.RootElement.GetProperty("token").GetString());
        }

        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(source.ConfigFilePath));
        }

        var listed = await Cli.RunAsync(source, ["projects", "list", .. services.Endpoints]);
        Assert.True(listed.ExitCode == 0, listed.Err);
    }

    [Fact]
    public async Task Save_replaces_a_broken_saved_token()
    {
        var source = Source();
        Directory.CreateDirectory(Path.GetDirectoryName(source.ConfigFilePath)!);
        await File.WriteAllTextAsync(source.ConfigFilePath, """{ "token": "not a token", "environment": "Development" }""");
        Assert.Equal(ExitCodes.BadInput, (await Cli.RunAsync(source, ["projects", "list", .. services.Endpoints])).ExitCode);

        var saved = await Cli.RunAsync(source, ["dev-token", "--role", "drc", "--save", .. services.Endpoints]);

        Assert.True(saved.ExitCode == 0, saved.Err);
        Assert.Equal(0, (await Cli.RunAsync(source, ["projects", "list", .. services.Endpoints])).ExitCode);
        using var file = JsonDocument.Parse(await File.ReadAllTextAsync(source.ConfigFilePath));
        Assert.Equal("Development", file.RootElement.GetProperty("environment").GetString()); // other keys are kept
    }

    [Fact]
    public async Task It_is_refused_when_an_endpoint_is_not_loopback_and_no_environment_is_set()
    {
        var result = await Cli.RunAsync(Source(), "dev-token", "--role", "drc", "--registry", "10.20.30.40:5101");

        Assert.Equal(ExitCodes.Denied, result.ExitCode);
        Assert.Equal("", result.Out);
        var line = Assert.Single(result.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: dev-token refused outside development mode: endpoint 10.20.30.40:5101 is not a loopback address", line);
    }

    [Fact]
    public async Task The_environment_decides_when_it_is_set()
    {
        var remote = await Cli.RunAsync(Source(), "dev-token", "--role", "drc", "--registry", "10.20.30.40:5101", "--environment", "Development");
        Assert.Equal(0, remote.ExitCode);

        var production = Source();
        production.Environment["PROJECTHUB_ENVIRONMENT"] = "Production";
        var local = await Cli.RunAsync(production, ["dev-token", "--role", "drc", .. services.Endpoints]);
        Assert.Equal(ExitCodes.Denied, local.ExitCode);
        Assert.Contains("the environment is 'Production'", local.Err);
    }

    [Theory]
    [InlineData("--role", "mayor")]
    [InlineData("--role", "owner")]
    [InlineData("--role", "department")]
    [InlineData("--role", "leader", "--tier", "VICE_MAYOR")]
    [InlineData("--role", "drc", "--tier", "VICE_MAYOR")]
    [InlineData("--role", "drc", "--hours", "0")]
    public async Task Bad_claims_are_bad_input(params string[] args)
    {
        var result = await Cli.RunAsync(Source(), ["dev-token", .. args, .. services.Endpoints]);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.StartsWith("error: ", result.Err);
        Assert.Equal("", result.Out);
    }

    [Fact]
    public async Task An_unknown_leader_tier_is_refused_with_the_valid_ones()
    {
        var result = await Cli.RunAsync(Source(), ["dev-token", "--role", "leader", "--unit", "张副市长", "--tier", "BOGUS", .. services.Endpoints]);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("--tier: BOGUS is not a ladder tier", result.Err);
        Assert.Contains("VICE_MAYOR", result.Err);
        Assert.Empty(result.Out);
        Assert.NotEmpty(await MintAsync("--role", "leader", "--unit", "张副市长", "--tier", "vice_mayor"));
    }

    [Fact]
    public async Task A_unit_role_without_a_unit_is_refused_in_correct_English()
    {
        var result = await Cli.RunAsync(Source(), ["dev-token", "--role", "owner", .. services.Endpoints]);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("--unit is required for an owner token", result.Err);
    }
}
