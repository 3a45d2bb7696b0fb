using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace ProjectHub.Testing.Otlp;

/// <summary>
/// A stand-in OpenTelemetry collector: accepts OTLP/HTTP protobuf posts ("/v1/traces", "/v1/metrics") on a free
/// loopback port and keeps them. Point hosts at it with OTEL_EXPORTER_OTLP_ENDPOINT=<see cref="Endpoint"/> and
/// OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf.
/// </summary>
public sealed class OtlpCollector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(string Path, byte[] Body)> _received = new();

    private OtlpCollector(WebApplication app, int port)
    {
        _app = app;
        Port = port;
    }

    public int Port { get; }

    public string Endpoint => $"http://127.0.0.1:{Port}";

    public static async Task<OtlpCollector> StartAsync()
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port, l => l.Protocols = HttpProtocols.Http1));
        var app = builder.Build();
        var collector = new OtlpCollector(app, port);
        app.MapPost("/v1/{signal}", async (HttpContext http) =>
        {
            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer);
            collector._received.Enqueue((http.Request.Path.Value!, buffer.ToArray()));
            return Results.Bytes([], "application/x-protobuf");
        });
        await app.StartAsync();
        return collector;
    }

    /// <summary>Bodies posted to <paramref name="path"/> as UTF-8 text: protobuf strings show as readable fragments.</summary>
    public List<string> Bodies(string path) => _received.Where(r => r.Path == path).Select(r => Encoding.UTF8.GetString(r.Body)).ToList();

    /// <summary>Every span received so far, decoded.</summary>
    public List<ExportedSpan> Spans() => _received.Where(r => r.Path == "/v1/traces").SelectMany(r => ExportedSpan.Decode(r.Body)).ToList();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
