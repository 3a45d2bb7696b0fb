using ProjectHub.Testing;

namespace ProjectHub.Cli.Tests;

public sealed class AlertWatchReconnectTests
{
    [Fact]
    public async Task Watch_keeps_reconnecting_with_growing_backoff_instead_of_failing_and_stops_cleanly_when_cancelled()
    {
        // Stopped as soon as the second, longer back-off shows (not after a fixed time, which a busy machine can
        // outrun); the upper bound only keeps a broken watch from hanging the run.
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var output = new StringWriter();
        using var errorText = new StringWriter();
        var error = TextWriter.Synchronized(errorText);
        var watcher = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                lock (error)
                {
                    if (errorText.ToString().Contains("reconnecting in 2 s", StringComparison.Ordinal))
                    {
                        stop.Cancel();
                        return;
                    }
                }

                await Task.Delay(50);
            }
        });

        var code = await CliApp.RunAsync(
            ["alerts", "watch", "--recipient", "drc", "--token", TestTokens.Mint(TestTokens.Drc), "--escalation", $"127.0.0.1:{FreePort.Next()}"],
            output, error, new TestConfigSource(), stop.Token);
        await watcher;

        Assert.Equal(ExitCodes.Ok, code);
        var text = errorText.ToString();
        Assert.Contains("reconnecting in 1 s", text);
        Assert.Contains("reconnecting in 2 s", text);
        Assert.True(text.IndexOf("reconnecting in 1 s", StringComparison.Ordinal) < text.IndexOf("reconnecting in 2 s", StringComparison.Ordinal));
    }
}
