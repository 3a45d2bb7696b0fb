using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;
using ProjectHub.Grpc;
using ProjectHub.Registry.Client;
using ProjectHub.Registry.V1;

namespace ProjectHub.Observability.Tests;

/// <summary>
/// With the OTEL_* settings the hosts really export: a stand-in collector (OTLP over HTTP/protobuf) receives the
/// spans and metrics of a gRPC call, under the configured service name. Without them nothing is sent.
/// </summary>
public sealed class OtlpExportTests
{
    [Fact]
    public async Task Otel_settings_export_spans_and_metrics_over_otlp()
    {
        await using var collector = await FakeCollector.StartAsync();
        await using (var system = await InProcessSystem.StartAsync(
                         $"--OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:{collector.Port}",
                         "--OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf",
                         "--OTEL_SERVICE_NAME=projecthub-otel-test"))
        {
            using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{system.Ports[0]}");
            await new ProjectRegistryClient(channel).ListProjectsAsync(new ListProjectsRequest());
        }

        // Stopping the host disposed the providers, which flushes both signals.
        var traces = collector.Bodies("/v1/traces");
        Assert.Contains(traces, b => b.Contains("projecthub-otel-test") && b.Contains("ProjectHub.Grpc") && b.Contains("ListProjects"));
        var metrics = collector.Bodies("/v1/metrics");
        Assert.Contains(metrics, b => b.Contains("projecthub-otel-test") && b.Contains("rpc.server.duration"));
    }

    [Fact]
    public async Task Exporters_set_to_none_send_nothing()
    {
        await using var collector = await FakeCollector.StartAsync();
        // A per-signal "none" wins over the endpoint: the same endpoint as above, but both signals switched off.
        await using (var system = await InProcessSystem.StartAsync(
                         $"--OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:{collector.Port}",
                         "--OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf",
                         "--OTEL_TRACES_EXPORTER=none",
                         "--OTEL_METRICS_EXPORTER=none"))
        {
            using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{system.Ports[0]}");
            await new ProjectRegistryClient(channel).ListProjectsAsync(new ListProjectsRequest());
        }

        Assert.Empty(collector.Bodies("/v1/traces"));
        Assert.Empty(collector.Bodies("/v1/metrics"));
    }

    /// <summary>Accepts OTLP/HTTP posts and keeps their bodies; protobuf strings are readable as UTF-8 fragments.</summary>
    private sealed class FakeCollector : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly ConcurrentQueue<(string Path, string Body)> _received = new();

        private FakeCollector(WebApplication app, int port)
        {
            _app = app;
            Port = port;
        }

        public int Port { get; }

        public static async Task<FakeCollector> StartAsync()
        {
            var port = FreePort();
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port, l => l.Protocols = HttpProtocols.Http1));
            var app = builder.Build();
            var collector = new FakeCollector(app, port);
            app.MapPost("/v1/{signal}", async (HttpContext http) =>
            {
                using var buffer = new MemoryStream();
                await http.Request.Body.CopyToAsync(buffer);
                collector._received.Enqueue((http.Request.Path.Value!, Encoding.UTF8.GetString(buffer.ToArray())));
                http.Response.ContentType = "application/x-protobuf";
                return Results.Bytes([], "application/x-protobuf");
            });
            await app.StartAsync();
            return collector;
        }

        public List<string> Bodies(string path) => _received.Where(r => r.Path == path).Select(r => r.Body).ToList();

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}
