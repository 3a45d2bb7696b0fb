using Microsoft.Extensions.Configuration;
using ProjectHub.Hosting.Observability;

namespace ProjectHub.Observability.Tests;

public sealed class TelemetrySettingsTests
{
    private static TelemetrySettings From(params (string Key, string Value)[] values) => TelemetrySettings.From(
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build());

    [Fact]
    public void Off_by_default() => Assert.False(From().Any);

    [Fact]
    public void An_endpoint_turns_traces_and_metrics_on() =>
        Assert.Equal(new TelemetrySettings(true, true), From(("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4317")));

    [Fact]
    public void A_signal_can_be_turned_off_with_none() =>
        Assert.Equal(new TelemetrySettings(true, false),
            From(("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4317"), ("OTEL_METRICS_EXPORTER", "none")));

    [Fact]
    public void A_per_signal_endpoint_turns_on_only_that_signal() =>
        Assert.Equal(new TelemetrySettings(true, false), From(("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://collector:4317")));

    [Fact]
    public void Sdk_disabled_wins() =>
        Assert.False(From(("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4317"), ("OTEL_SDK_DISABLED", "true")).Any);

    [Fact]
    public void An_unavailable_exporter_is_refused() =>
        Assert.Throws<InvalidOperationException>(() => From(("OTEL_TRACES_EXPORTER", "zipkin")));
}
