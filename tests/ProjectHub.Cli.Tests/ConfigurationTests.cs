using ProjectHub.Testing;

namespace ProjectHub.Cli.Tests;

/// <summary>Where endpoints and the token come from: flags > environment > config file > defaults.</summary>
[Collection(ServicesCollection.Name)]
public sealed class ConfigurationTests(ServicesFixture services) : IDisposable
{
    private readonly string _configHome = Directory.CreateTempSubdirectory("projecthub-cli-config-").FullName;

    private string Good => $"127.0.0.1:{services.RegistryPort}";

    /// <summary>Nothing listens here: a call to it fails UNAVAILABLE.</summary>
    private static string Dead => $"127.0.0.1:{FreePort.Next()}";

    public void Dispose() => Directory.Delete(_configHome, recursive: true);

    /// <summary>A config home of its own; the file (when any) and the environment carry a DRC token unless told otherwise.</summary>
    private TestConfigSource Source(string? fileRegistry = null, string? envRegistry = null, string? fileToken = null, string? envToken = null)
    {
        var source = new TestConfigSource { ConfigFilePath = Path.Combine(_configHome, "projecthub", "config.json") };
        if (fileRegistry is not null || fileToken is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(source.ConfigFilePath)!);
            File.WriteAllText(source.ConfigFilePath, System.Text.Json.JsonSerializer.Serialize(new { registry = fileRegistry, token = fileToken ?? DrcToken }));
        }

        if (envRegistry is not null) source.Environment["PROJECTHUB_REGISTRY"] = envRegistry;
        source.Environment["PROJECTHUB_TOKEN"] = envToken ?? DrcToken;
        return source;
    }

    private static readonly string DrcToken = TestTokens.Mint(TestTokens.Drc);

    [Fact]
    public async Task An_unreachable_endpoint_exits_5()
    {
        var result = await Cli.RunAsync(Source(), "projects", "list", "--registry", Dead);

        Assert.Equal(ExitCodes.Unavailable, result.ExitCode);
        Assert.StartsWith("error (UNAVAILABLE)", result.Err);
    }

    [Fact]
    public async Task The_config_file_is_used_when_nothing_else_is_given()
    {
        Assert.Equal(0, (await Cli.RunAsync(Source(fileRegistry: Good), "projects", "list")).ExitCode);
        Assert.Equal(ExitCodes.Unavailable, (await Cli.RunAsync(Source(fileRegistry: Dead), "projects", "list")).ExitCode);
    }

    [Fact]
    public async Task The_environment_beats_the_config_file()
    {
        Assert.Equal(0, (await Cli.RunAsync(Source(fileRegistry: Dead, envRegistry: Good), "projects", "list")).ExitCode);
        Assert.Equal(ExitCodes.Unavailable, (await Cli.RunAsync(Source(fileRegistry: Good, envRegistry: Dead), "projects", "list")).ExitCode);
    }

    [Fact]
    public async Task A_flag_beats_the_environment_and_the_file()
    {
        Assert.Equal(0, (await Cli.RunAsync(Source(fileRegistry: Dead, envRegistry: Dead), "projects", "list", "--registry", Good)).ExitCode);
        Assert.Equal(ExitCodes.Unavailable,
            (await Cli.RunAsync(Source(fileRegistry: Good, envRegistry: Good), "projects", "list", "--registry", Dead)).ExitCode);
    }

    [Fact]
    public void Defaults_apply_when_no_source_names_an_endpoint()
    {
        var settings = CliSettings.Resolve(new Dictionary<string, string?>(), Source());

        Assert.Equal("127.0.0.1:5101", settings.Registry);
        Assert.Equal("127.0.0.1:5102", settings.Approval);
        Assert.Equal("127.0.0.1:5103", settings.Escalation);
    }

    [Fact]
    public void The_token_and_the_environment_follow_the_same_precedence()
    {
        var fileOnly = Source(fileToken: "file-token");
        fileOnly.Environment.Remove("PROJECTHUB_TOKEN");
        Assert.Equal("file-token", CliSettings.Resolve(new Dictionary<string, string?>(), fileOnly).Token);
        Assert.Equal("env-token", CliSettings.Resolve(new Dictionary<string, string?>(), Source(fileToken: "file-token", envToken: "env-token")).Token);
        Assert.Equal("flag-token", CliSettings.Resolve(new Dictionary<string, string?> { ["token"] = "flag-token" }, Source(envToken: "env-token")).Token);

        var environment = Source();
        environment.Environment["PROJECTHUB_ENVIRONMENT"] = "Production";
        Assert.Equal("Production", CliSettings.Resolve(new Dictionary<string, string?>(), environment).Environment);
        Assert.Equal("Development", CliSettings.Resolve(new Dictionary<string, string?> { ["environment"] = "Development" }, environment).Environment);
    }

    [Fact]
    public async Task A_token_from_the_environment_is_sent()
    {
        var source = Source(envToken: TestTokens.Mint(TestTokens.Inspector));

        Assert.Equal(0, (await Cli.RunAsync(source, "projects", "list", "--registry", Good)).ExitCode);
    }

    [Fact]
    public async Task An_unreadable_config_file_is_bad_input()
    {
        var source = Source();
        Directory.CreateDirectory(Path.GetDirectoryName(source.ConfigFilePath)!);
        await File.WriteAllTextAsync(source.ConfigFilePath, "{ not json");

        var result = await Cli.RunAsync(source, "projects", "list");

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("config.json", result.Err);
    }
}
