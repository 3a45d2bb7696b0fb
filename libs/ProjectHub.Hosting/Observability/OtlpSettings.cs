using Microsoft.Extensions.Configuration;
using OpenTelemetry.Exporter;

namespace ProjectHub.Hosting.Observability;

/// <summary>
/// Where OTLP goes, read from configuration rather than only the process environment so the OTEL_* settings also
/// work on the command line like every other setting. Headers, timeouts and the rest stay with the exporter's own
/// reading of the environment.
/// </summary>
internal sealed record OtlpSettings(string ServiceName, OtlpExportProtocol? Protocol, Uri? TracesEndpoint, Uri? MetricsEndpoint)
{
    public static OtlpSettings From(IConfiguration configuration, string applicationName)
    {
        var protocol = configuration["OTEL_EXPORTER_OTLP_PROTOCOL"]?.Trim().ToLowerInvariant() switch
        {
            null or "" => (OtlpExportProtocol?)null,
            "grpc" => OtlpExportProtocol.Grpc,
            "http/protobuf" => OtlpExportProtocol.HttpProtobuf,
            var other => throw new InvalidOperationException($"OTEL_EXPORTER_OTLP_PROTOCOL must be grpc or http/protobuf, not '{other}'."),
        };
        var baseEndpoint = configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        return new OtlpSettings(
            string.IsNullOrWhiteSpace(configuration["OTEL_SERVICE_NAME"]) ? applicationName : configuration["OTEL_SERVICE_NAME"]!,
            protocol,
            Endpoint(configuration["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"], baseEndpoint, protocol, "v1/traces"),
            Endpoint(configuration["OTEL_EXPORTER_OTLP_METRICS_ENDPOINT"], baseEndpoint, protocol, "v1/metrics"));
    }

    public void Apply(OtlpExporterOptions options, Uri? endpoint)
    {
        if (Protocol is { } protocol)
        {
            options.Protocol = protocol;
        }

        if (endpoint is not null)
        {
            options.Endpoint = endpoint;
        }
    }

    /// <summary>
    /// The OTLP rule: a per-signal endpoint is used as given; the shared one gets "/v1/traces" or "/v1/metrics"
    /// appended over HTTP, and is used as given over gRPC (the exporter's default protocol).
    /// </summary>
    private static Uri? Endpoint(string? signalEndpoint, string? baseEndpoint, OtlpExportProtocol? protocol, string signalPath)
    {
        if (!string.IsNullOrWhiteSpace(signalEndpoint))
        {
            return new Uri(signalEndpoint);
        }

        if (string.IsNullOrWhiteSpace(baseEndpoint))
        {
            return null;
        }

        return protocol == OtlpExportProtocol.HttpProtobuf
            ? new Uri(baseEndpoint.TrimEnd('/') + "/" + signalPath)
            : new Uri(baseEndpoint);
    }
}
