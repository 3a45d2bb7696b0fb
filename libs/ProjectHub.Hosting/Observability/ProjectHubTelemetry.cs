using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace ProjectHub.Hosting.Observability;

/// <summary>
/// The one place OpenTelemetry is wired (OpenTelemetry.Extensions.Hosting with the standard instrumentation). Logs
/// always carry the trace and span id; export is on only when the OTEL_* settings ask for it
/// (<see cref="TelemetrySettings"/>), and the OTLP exporter reads its endpoint, protocol and headers from them.
/// </summary>
public static class ProjectHubTelemetry
{
    /// <summary>Our own spans: the outbox relay's publish spans, MassTransit's send/publish/consume, domain work.</summary>
    public static readonly IReadOnlyList<string> ActivitySources = [Messaging.OutboxDiagnostics.SourceName, "MassTransit", ProjectHubMetrics.Name];

    /// <summary>Our own meters: MassTransit's receive/consume instruments and ours.</summary>
    public static readonly IReadOnlyList<string> Meters = ["MassTransit", ProjectHubMetrics.Name];

    public static WebApplicationBuilder AddProjectHubTelemetry(this WebApplicationBuilder builder)
    {
        AddTraceAwareLogging(builder);
        var settings = TelemetrySettings.From(builder.Configuration);
        if (!settings.Any)
        {
            return builder;
        }

        // OTEL_SERVICE_NAME (also settable on the command line) or the host's application name.
        var serviceName = builder.Configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } configured ? configured : builder.Environment.ApplicationName;
        var telemetry = builder.Services.AddOpenTelemetry().ConfigureResource(resource => resource.AddService(serviceName));
        if (settings.Traces)
        {
            telemetry.WithTracing(tracing => tracing
                .AddSource([.. ActivitySources])
                // Health probes every few seconds would drown the traces that matter.
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments("/grpc.health.v1.Health"))
                .AddGrpcClientInstrumentation(o => o.SuppressDownstreamInstrumentation = true)
                .AddHttpClientInstrumentation()
                // Database spans inside a trace only: the relays' and samplers' polls would each start a trace of
                // one span every second or so.
                .AddEntityFrameworkCoreInstrumentation(o => o.Filter = (_, _) => System.Diagnostics.Activity.Current is not null)
                .AddOtlpExporter());
        }

        if (settings.Metrics)
        {
            telemetry.WithMetrics(metrics => metrics
                .AddMeter([.. Meters])
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddOtlpExporter());
        }

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
}
