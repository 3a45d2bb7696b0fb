using ProjectHub.Testing;

namespace ProjectHub.Cli.Tests;

/// <summary>Where endpoints and the actor come from: flags > environment > config file > defaults.</summary>
[Collection(ServicesCollection.Name)]
public sealed class ConfigurationTests(ServicesFixture services) : IDisposable
{
    private readonly string _configHome = Directory.CreateTempSubdirectory("projecthub-cli-config-").FullName;

    private string Good => $"127.0.0.1:{services.RegistryPort}";

    /// <summary>Nothing listens here: a call to it fails UNAVAILABLE.</summary>
    private static string Dead => $"127.0.0.1:{FreePort.Next()}";

    public void Dispose() => Directory.Delete(_configHome, recursive: true);

    private TestConfigSource Source(string? fileRegistry = null, string? envRegistry = null, string? fileActor = null, string? envActor = null)
    {
        var source = new TestConfigSource { ConfigFilePath = Path.Combine(_configHome, "projecthub", "config.json") };
        if (fileRegistry is not null || fileActor is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(source.ConfigFilePath)!);
            File.WriteAllText(source.ConfigFilePath, System.Text.Json.JsonSerializer.Serialize(new { registry = fileRegistry, actor = fileActor }));
        }

        if (envRegistry is not null) source.Environment["PROJECTHUB_REGISTRY"] = envRegistry;
        if (envActor is not null) source.Environment["PROJECTHUB_ACTOR"] = envActor;
        return source;
    }

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
    public void The_actor_follows_the_same_precedence()
    {
        Assert.Equal("文件用户", CliSettings.Resolve(new Dictionary<string, string?>(), Source(fileActor: "文件用户")).Actor);
        Assert.Equal("env-user", CliSettings.Resolve(new Dictionary<string, string?>(), Source(fileActor: "文件用户", envActor: "env-user")).Actor);
        Assert.Equal("flag-user", CliSettings.Resolve(new Dictionary<string, string?> { ["actor"] = "flag-user" }, Source(envActor: "env-user")).Actor);
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
