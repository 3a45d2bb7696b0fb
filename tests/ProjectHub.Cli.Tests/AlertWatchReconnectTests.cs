using ProjectHub.Testing;

namespace ProjectHub.Cli.Tests;

public sealed class AlertWatchReconnectTests
{
    [Fact]
    public async Task Watch_keeps_reconnecting_with_growing_backoff_instead_of_failing_and_stops_cleanly_when_cancelled()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(4));
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await CliApp.RunAsync(
            ["alerts", "watch", "--recipient", "drc", "--token", TestTokens.Mint(TestTokens.Drc), "--escalation", $"127.0.0.1:{FreePort.Next()}"],
            output, error, new TestConfigSource(), stop.Token);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("reconnecting in 1 s", error.ToString());
        Assert.Contains("reconnecting in 2 s", error.ToString());
    }
}
