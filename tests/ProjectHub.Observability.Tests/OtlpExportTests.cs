using ProjectHub.Registry.V1;
using ProjectHub.Testing;
using ProjectHub.Testing.Otlp;
using Xunit.Abstractions;
using ProjectRegistryClient = ProjectHub.Registry.V1.ProjectRegistry.ProjectRegistryClient;

namespace ProjectHub.Observability.Tests;

/// <summary>
/// With the OTEL_* settings the hosts really export: a stand-in collector (OTLP over HTTP/protobuf) receives the
/// spans and metrics of a gRPC call, under the configured service name. Without them nothing is sent.
/// </summary>
public sealed class OtlpExportTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Otel_settings_export_spans_and_metrics_over_otlp()
    {
        await using var collector = await OtlpCollector.StartAsync();
        await using (var system = await InProcessSystem.StartAsync(
                         $"--OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:{collector.Port}",
                         "--OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf",
                         "--OTEL_SERVICE_NAME=projecthub-otel-test"))
        {
            await new ProjectRegistryClient(system.RegistryChannel).ListProjectsAsync(new ListProjectsRequest(), TestTokens.As(TestTokens.Drc));
        }

        // Stopping the host disposed the providers, which flushes both signals.
        foreach (var span in collector.Spans())
        {
            output.WriteLine($"{span.TraceId} {span.Service,-22} {span.Scope,-22} {span.Kind,-8} {span.Name}");
        }

        var traces = collector.Bodies("/v1/traces");
        // The server span's instrumentation scope is ASP.NET Core's (the standard instrumentation), no longer our own.
        Assert.Contains(traces, b => b.Contains("projecthub-otel-test") && b.Contains("Microsoft.AspNetCore") && b.Contains("ListProjects"));
        Assert.Contains(collector.Spans(), s =>
            s.Service == "projecthub-otel-test" && s.Kind == SpanKind.Server && s.Name.EndsWith("/ListProjects", StringComparison.Ordinal) && s.TraceId.Length == 32);
        var metrics = collector.Bodies("/v1/metrics");
        // The call's server duration: ASP.NET Core's http.server.request.duration, by the gRPC method's route.
        Assert.Contains(metrics, b => b.Contains("projecthub-otel-test") && b.Contains("http.server.request.duration")
            && b.Contains("/projecthub.registry.v1.ProjectRegistry/ListProjects"));
    }

    [Fact]
    public async Task Exporters_set_to_none_send_nothing()
    {
        await using var collector = await OtlpCollector.StartAsync();
        // A per-signal "none" wins over the endpoint: the same endpoint as above, but both signals switched off.
        await using (var system = await InProcessSystem.StartAsync(
                         $"--OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:{collector.Port}",
                         "--OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf",
                         "--OTEL_TRACES_EXPORTER=none",
                         "--OTEL_METRICS_EXPORTER=none"))
        {
            await new ProjectRegistryClient(system.RegistryChannel).ListProjectsAsync(new ListProjectsRequest(), TestTokens.As(TestTokens.Drc));
        }

        Assert.Empty(collector.Bodies("/v1/traces"));
        Assert.Empty(collector.Bodies("/v1/metrics"));
    }
}
