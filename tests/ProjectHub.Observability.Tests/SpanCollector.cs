using System.Collections.Concurrent;
using System.Diagnostics;
using ProjectHub.Hosting.Observability;

namespace ProjectHub.Observability.Tests;

/// <summary>
/// Records every finished span of the sources the telemetry wiring exports, in memory: ours
/// (<see cref="ProjectHubTelemetry.ActivitySources"/>) and those of the standard instrumentation it adds — ASP.NET
/// Core's server spans, Grpc.Net.Client's and HttpClient's client spans.
/// </summary>
internal sealed class SpanCollector : IDisposable
{
    /// <summary>The activity sources behind AddAspNetCoreInstrumentation, AddGrpcClientInstrumentation and AddHttpClientInstrumentation.</summary>
    public static readonly IReadOnlyList<string> InstrumentationSources = ["Microsoft.AspNetCore", "Grpc.Net.Client", "System.Net.Http"];

    private readonly ActivityListener _listener;
    private readonly ConcurrentQueue<Activity> _spans = new();

    public SpanCollector()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == TestSource.Name || ProjectHubTelemetry.ActivitySources.Contains(source.Name)
                || InstrumentationSources.Contains(source.Name),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _spans.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public IReadOnlyList<Activity> Spans => [.. _spans];

    public void Dispose() => _listener.Dispose();
}

/// <summary>The root of the test's "user action", standing in for a client application's own span.</summary>
internal static class TestSource
{
    public const string Name = "ProjectHub.Observability.Tests";

    public static readonly ActivitySource Source = new(Name);
}
