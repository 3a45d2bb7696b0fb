using System.Text.Json;

namespace ProjectHub.Board.Live;

/// <summary>Writes text/event-stream frames by hand (one JSON line per event) so no extra package is needed.</summary>
public static class ServerSentEvents
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task StartAsync(HttpResponse response)
    {
        response.Headers.ContentType = "text/event-stream; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        // Tell the browser to reconnect quickly if the stream drops (the default is ~3 s).
        await response.WriteAsync("retry: 1000\n\n");
        await response.Body.FlushAsync();
    }

    public static async Task SendAsync(HttpResponse response, string eventName, object data, CancellationToken cancellation)
    {
        await response.WriteAsync($"event: {eventName}\ndata: {JsonSerializer.Serialize(data, Json)}\n\n", cancellation);
        await response.Body.FlushAsync(cancellation);
    }

    /// <summary>A comment line: keeps proxies from closing an idle stream and notices a gone browser.</summary>
    public static async Task PingAsync(HttpResponse response, CancellationToken cancellation)
    {
        await response.WriteAsync(": ping\n\n", cancellation);
        await response.Body.FlushAsync(cancellation);
    }
}
