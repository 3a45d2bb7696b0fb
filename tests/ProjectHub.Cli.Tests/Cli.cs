using ProjectHub.Security;
using ProjectHub.Testing;

namespace ProjectHub.Cli.Tests;

/// <summary>Settings source for tests: no real environment, a config file in a temp directory, never interactive.</summary>
public sealed class TestConfigSource : IConfigSource
{
    public Dictionary<string, string> Environment { get; } = [];

    public string ConfigFilePath { get; set; } = Path.Combine(Path.GetTempPath(), "projecthub-cli-tests-none", Guid.NewGuid().ToString("N"), "config.json");

    public bool IsInteractive => false;

    public string? GetEnvironmentVariable(string name) => Environment.GetValueOrDefault(name);
}

public sealed record CliResult(int ExitCode, string Out, string Err);

/// <summary>Runs the tool's entry point in-process and captures what it writes.</summary>
public static class Cli
{
    public static async Task<CliResult> RunAsync(IConfigSource source, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CliApp.RunAsync(args, output, error, source);
        return new CliResult(code, output.ToString(), error.ToString());
    }

    /// <summary>Runs against the fixture's services with a development token for <paramref name="caller"/>.</summary>
    public static Task<CliResult> RunAsync(ServicesFixture services, Caller caller, params string[] args) =>
        RunAsync(new TestConfigSource(), [.. args, .. services.Endpoints, "--token", TestTokens.Mint(caller)]);
}
