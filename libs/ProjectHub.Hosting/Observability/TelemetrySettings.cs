using Microsoft.Extensions.Configuration;

namespace ProjectHub.Hosting.Observability;

/// <summary>
/// Whether to export traces and metrics, decided only from the standard OTEL_* variables (read through
/// configuration, so they may also come from the command line or appsettings.json). The default is off: the
/// embedded first look must not try to reach a collector.
/// </summary>
public sealed record TelemetrySettings(bool Traces, bool Metrics)
{
    public bool Any => Traces || Metrics;

    public static TelemetrySettings From(IConfiguration configuration)
    {
        if (IsTrue(configuration["OTEL_SDK_DISABLED"]))
        {
            return new TelemetrySettings(false, false);
        }

        var anyEndpoint = Has(configuration, "OTEL_EXPORTER_OTLP_ENDPOINT");
        return new TelemetrySettings(
            Decide(configuration["OTEL_TRACES_EXPORTER"], anyEndpoint || Has(configuration, "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT")),
            Decide(configuration["OTEL_METRICS_EXPORTER"], anyEndpoint || Has(configuration, "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT")));
    }

    /// <summary>
    /// An explicit exporter choice wins ("otlp" on, "none" off; only OTLP ships here, so anything else is refused
    /// rather than silently ignored); without one, a configured endpoint turns the signal on.
    /// </summary>
    private static bool Decide(string? exporter, bool endpointConfigured) => exporter?.Trim().ToLowerInvariant() switch
    {
        null or "" => endpointConfigured,
        "otlp" => true,
        "none" => false,
        _ => throw new InvalidOperationException($"Only the 'otlp' and 'none' exporters are available, not '{exporter}'."),
    };

    private static bool Has(IConfiguration configuration, string key) => !string.IsNullOrWhiteSpace(configuration[key]);

    private static bool IsTrue(string? value) => string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
}
