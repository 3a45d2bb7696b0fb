using System.Net;
using System.Text.Json;
using ProjectHub.Security;

namespace ProjectHub.Board.Tests;

/// <summary>
/// The board outside development mode: it reads with its configured service token, refuses to act for a recipient
/// (no per-user sign-in yet) and refuses to start without a token. Plain HTTP against a second board host.
/// </summary>
[Collection(BoardCollection.Name)]
public sealed class BoardAuthTests(BoardFixture f)
{
    private HostProcess StartBoard(int port, params string[] extra) =>
        HostProcess.Start("ProjectHub.Board.dll", f.DataDirectory,
        [
            $"--Services:Board:Port={port}", $"--Board:Registry={f.RegistryUrl}", $"--Board:Escalation={f.EscalationUrl}",
            "--environment=Production", .. extra,
        ]);

    [Fact]
    public async Task With_a_service_token_it_reads_but_refuses_to_acknowledge_for_a_recipient()
    {
        var port = HostProcess.FreePort();
        var token = DevelopmentTokens.Mint(new Caller("board-service", Roles.Inspector), DateTimeOffset.UtcNow);
        await using var board = StartBoard(port, $"--Board:Token={token}");
        var url = $"http://127.0.0.1:{port}";
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        await BoardFixture.WaitUntilAsync("the production-mode board", board, async () => (await http.GetAsync(new Uri("/", UriKind.Relative))).EnsureSuccessStatusCode());

        var cards = JsonDocument.Parse(await http.GetStringAsync(new Uri("/api/cards", UriKind.Relative)));
        Assert.True(cards.RootElement.GetArrayLength() > 0, board.Output);

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/alerts/acknowledge")
        {
            Content = new FormUrlEncodedContent([new("id", "PROJECT_RED/any/alert")]),
        };
        request.Headers.Add("Cookie", "projecthub-recipient=" + Uri.EscapeDataString(BoardFixture.LeaderId));
        using var refused = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var detail = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString();
        Assert.Contains("without per-user sign-in", detail);

        var me = JsonDocument.Parse(await http.GetStringAsync(new Uri("/api/me", UriKind.Relative)));
        Assert.False(me.RootElement.GetProperty("canAcknowledge").GetBoolean());
    }

    [Fact]
    public async Task Without_a_service_token_it_refuses_to_start()
    {
        await using var board = StartBoard(HostProcess.FreePort());

        var exitCode = await board.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("The board needs Board:Token", board.Output);
    }
}
