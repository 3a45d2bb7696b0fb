using Grpc.Net.Client;

namespace ProjectHub.Embedded.Tests;

/// <summary>
/// The embedded default accepts development tokens while the framework logs "Hosting environment: Production": the log
/// must say plainly, as a warning, that development tokens are accepted.
/// </summary>
public sealed class StartupLogTests
{
    [Fact]
    public async Task The_embedded_default_warns_at_start_that_development_tokens_are_accepted()
    {
        await using var host = EmbeddedProcess.Start();
        using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{host.Ports[2]}");
        await EmbeddedHostTests.WaitServingAsync(channel, host);

        var warnings = host.Output.Split('\n').Where(l => l.Contains("development tokens are accepted", StringComparison.Ordinal)).ToList();

        Assert.True(warnings.Count >= 3, $"one warning per service expected:\n{host.Output}");
        Assert.All(warnings, w => Assert.Contains("warn:", w, StringComparison.Ordinal));
        Assert.All(warnings, w => Assert.Contains("Auth:Mode=Development", w, StringComparison.Ordinal));
    }
}
