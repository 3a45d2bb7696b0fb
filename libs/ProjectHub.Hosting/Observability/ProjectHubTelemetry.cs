using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace ProjectHub.Hosting.Observability;

/// <summary>
/// The one place OpenTelemetry is wired, with the SDK directly (the hosting and instrumentation add-on packages are
/// not in the reachable registry). Logs always carry the trace and span id; export is on only when the OTEL_*
/// variables ask for it (<see cref="TelemetrySettings"/>).
/// </summary>
public static class ProjectHubTelemetry
{
    /// <summary>
    /// Spans: our gRPC layer (server and client), the outbox relay's publish spans, MassTransit's own
    /// send/publish/receive/consume activities (its ActivitySource is named "MassTransit") and domain work.
    /// </summary>
    public static readonly IReadOnlyList<string> ActivitySources = ["ProjectHub.Grpc", "ProjectHub.Outbox", "MassTransit", ProjectHubMetrics.Name];

    /// <summary>Meters: RPC durations, MassTransit's receive/consume instruments and ours.</summary>
    public static readonly IReadOnlyList<string> Meters = ["ProjectHub.Grpc", "MassTransit", ProjectHubMetrics.Name];

    public static WebApplicationBuilder AddProjectHubTelemetry(this WebApplicationBuilder builder)
    {
        AddTraceAwareLogging(builder);
        var settings = TelemetrySettings.From(builder.Configuration);
        if (!settings.Any)
        {
            return builder;
        }

        var export = OtlpSettings.From(builder.Configuration, builder.Environment.ApplicationName);
        builder.Services.AddSingleton(_ => new TelemetryProviders(settings, export));
        builder.Services.AddHostedService<TelemetryStarter>();
        return builder;
    }

    /// <summary>
    /// Every log record carries TraceId and SpanId as a scope, so the console (simple or JSON) shows which trace
    /// it belongs to. "Logging:Console:FormatterName" picks the formatter ("simple", the default, or "json").
    /// </summary>
    private static void AddTraceAwareLogging(WebApplicationBuilder builder)
    {
        builder.Logging.Configure(options =>
            options.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        builder.Logging.AddJsonConsole(json =>
        {
            json.IncludeScopes = true;
            json.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffzzz";
            json.UseUtcTimestamp = true;
        });
        // AddSimpleConsole/AddJsonConsole each force their own formatter name over configuration; configuration wins here.
        var formatter = builder.Configuration["Logging:Console:FormatterName"];
        builder.Services.PostConfigure<ConsoleLoggerOptions>(options =>
            options.FormatterName = string.IsNullOrWhiteSpace(formatter) ? ConsoleFormatterNames.Simple : formatter);
    }

    /// <summary>Owns the providers so the host disposes them on shutdown, which flushes what is still buffered.</summary>
    internal sealed class TelemetryProviders : IDisposable
    {
        public TelemetryProviders(TelemetrySettings settings, OtlpSettings export)
        {
            // OTEL_RESOURCE_ATTRIBUTES is read by the default resource; the service name comes from configuration
            // (OTEL_SERVICE_NAME, also settable on the command line) or the host's application name.
            var resource = ResourceBuilder.CreateDefault().AddService(export.ServiceName);
            if (settings.Traces)
            {
                Tracer = Sdk.CreateTracerProviderBuilder()
                    .SetResourceBuilder(resource)
                    .AddSource([.. ActivitySources])
                    .AddOtlpExporter(otlp => export.Apply(otlp, export.TracesEndpoint))
                    .Build();
            }

            if (settings.Metrics)
            {
                Meter = Sdk.CreateMeterProviderBuilder()
                    .SetResourceBuilder(resource)
                    .AddMeter([.. Meters])
                    .AddOtlpExporter(otlp => export.Apply(otlp, export.MetricsEndpoint))
                    .Build();
            }
        }

        public TracerProvider? Tracer { get; }

        public MeterProvider? Meter { get; }

        public void Dispose()
        {
            Tracer?.Dispose();
            Meter?.Dispose();
        }
    }

    /// <summary>Creates the providers as the host starts (a singleton alone would be built only on first use).</summary>
    private sealed class TelemetryStarter(TelemetryProviders providers) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => providers.Tracer is null && providers.Meter is null
            ? throw new InvalidOperationException("Telemetry was enabled with neither traces nor metrics.")
            : Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
