using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ProjectHub.Grpc.Protocol;

/// <summary>
/// The layer's ActivitySource and Meter, both named "ProjectHub.Grpc". Spans follow the OpenTelemetry RPC
/// conventions (rpc.system, rpc.service, rpc.method, rpc.grpc.status_code).
/// </summary>
public static class GrpcDiagnostics
{
    public const string Name = "ProjectHub.Grpc";

    public static readonly ActivitySource ActivitySource = new(Name, "1.0.0");

    internal static readonly Meter Meter = new(Name, "1.0.0");

    internal static readonly Histogram<double> ServerDuration = Meter.CreateHistogram<double>(
        "rpc.server.duration", "ms", "Duration of gRPC calls handled by this server.");

    internal static readonly Histogram<double> ClientDuration = Meter.CreateHistogram<double>(
        "rpc.client.duration", "ms", "Duration of gRPC calls made by this process.");

    internal static void SetRpcTags(Activity? activity, string path)
    {
        if (activity is null)
        {
            return;
        }

        var (service, method) = SplitPath(path);
        activity.SetTag("rpc.system", "grpc");
        activity.SetTag("rpc.service", service);
        activity.SetTag("rpc.method", method);
    }

    internal static (string Service, string Method) SplitPath(string path)
    {
        var trimmed = path.TrimStart('/');
        var slash = trimmed.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? (trimmed, "") : (trimmed[..slash], trimmed[(slash + 1)..]);
    }

    internal static void Record(Histogram<double> histogram, string path, StatusCode code, TimeSpan elapsed)
    {
        var (service, method) = SplitPath(path);
        histogram.Record(elapsed.TotalMilliseconds,
            new KeyValuePair<string, object?>("rpc.system", "grpc"),
            new KeyValuePair<string, object?>("rpc.service", service),
            new KeyValuePair<string, object?>("rpc.method", method),
            new KeyValuePair<string, object?>("rpc.grpc.status_code", (int)code));
    }
}
