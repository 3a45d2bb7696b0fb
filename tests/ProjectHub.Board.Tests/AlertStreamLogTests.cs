using System.Net;

namespace ProjectHub.Board.Tests;

/// <summary>
/// A browser leaving 我的预警 ends the board's alert stream and the escalation subscription behind it. That is normal:
/// neither host may log it as an error (it used to be an unhandled Cancelled RpcException each time).
/// </summary>
[Collection(BoardCollection.Name)]
public sealed class AlertStreamLogTests(BoardFixture f)
{
    [Fact]
    public async Task A_browser_leaving_the_alert_stream_logs_no_error_in_the_board_or_the_services()
    {
        var cookies = new CookieContainer();
        using var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(f.BoardUrl) };
        using var signIn = await http.PostAsync(new Uri("/signin", UriKind.Relative),
            new FormUrlEncodedContent([new("recipient", BoardFixture.LeaderId)]));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var boardBefore = f.BoardOutput.Length;
        var servicesBefore = f.ServicesOutput.Length;

        for (var i = 0; i < 3; i++)
        {
            using var response = await http.GetAsync(new Uri("/events/alerts", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
            await using var stream = await response.Content.ReadAsStreamAsync();
            using var reader = new StreamReader(stream);
            // Wait until the bridge is live (the subscription is open), then leave as a closing tab does.
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            while (await reader.ReadLineAsync(timeout.Token) is { } line && line != "event: ready")
            {
            }

            await Task.Delay(300);
        }

        await Task.Delay(TimeSpan.FromSeconds(2)); // the hosts notice the disconnects
        var board = f.BoardOutput[boardBefore..];
        var services = f.ServicesOutput[servicesBefore..];
        foreach (var (host, log) in new[] { ("board", board), ("services", services) })
        {
            Assert.False(log.Contains("fail:", StringComparison.Ordinal), $"{host} logged an error:\n{log}");
            Assert.False(log.Contains("Cancelled", StringComparison.Ordinal), $"{host} logged the cancellation:\n{log}");
            Assert.False(log.Contains("   at ", StringComparison.Ordinal), $"{host} logged a stack trace:\n{log}");
        }
    }
}
