using ProjectHub.Escalation.Client;
using ProjectHub.Grpc;
using ProjectHub.Registry.Client;

namespace ProjectHub.Board;

/// <summary>One channel per service for the process's lifetime, as the gRPC layer recommends.</summary>
public sealed class BoardServices : IDisposable
{
    /// <summary>The actor the board reads as; writes (acknowledging an alert) carry the signed-in recipient.</summary>
    public const string ReaderActor = "board";

    private readonly GrpcChannel _registryChannel;
    private readonly GrpcChannel _escalationChannel;

    private BoardServices(string registry, string escalation)
    {
        _registryChannel = GrpcChannel.ForAddress(registry, new GrpcChannelOptions { HttpHandler = Handler() });
        _escalationChannel = GrpcChannel.ForAddress(escalation, new GrpcChannelOptions { HttpHandler = Handler() });
        Registry = new ProjectRegistryClient(_registryChannel);
        Escalation = new EscalationClient(_escalationChannel);
    }

    public ProjectRegistryClient Registry { get; }

    public EscalationClient Escalation { get; }

    public static BoardServices FromConfiguration(IConfiguration configuration) => new(
        // Unset: the service on this machine at its configured port, which is right both beside the embedded host
        // and inside it.
        configuration["Board:Registry"] ?? $"http://127.0.0.1:{configuration["Services:Registry:Port"] ?? "5101"}",
        configuration["Board:Escalation"] ?? $"http://127.0.0.1:{configuration["Services:Escalation:Port"] ?? "5103"}");

    /// <summary>A unary call as <paramref name="actor"/>: 10 s is plenty for any read the pages make.</summary>
    public static CallOptions As(string actor, CancellationToken cancellation) =>
        Streaming(actor, cancellation).WithDeadlineAfter(TimeSpan.FromSeconds(10));

    /// <summary>A long-lived stream: no deadline, it ends when the page goes away.</summary>
    public static CallOptions Streaming(string actor, CancellationToken cancellation) =>
        new(Headers: new Metadata().Add("x-actor", actor), CancellationToken: cancellation);

    /// <summary>
    /// The gRPC layer's default handler settings, plus UTF-8 request headers: recipient ids are often Chinese
    /// (张副市长), the escalation service compares x-actor with the alert's recipient verbatim, and HttpClient
    /// refuses non-ASCII header values unless told how to encode them. Kestrel reads them back as UTF-8.
    /// </summary>
    private static SocketsHttpHandler Handler() => new()
    {
        EnableMultipleHttp2Connections = true,
        PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
        KeepAlivePingDelay = TimeSpan.FromSeconds(60),
        KeepAlivePingTimeout = TimeSpan.FromSeconds(30),
        KeepAlivePingPolicy = HttpKeepAlivePingPolicy.WithActiveRequests,
        ConnectTimeout = TimeSpan.FromSeconds(10),
        ActivityHeadersPropagator = null,
        AutomaticDecompression = System.Net.DecompressionMethods.None,
        UseCookies = false,
        RequestHeaderEncodingSelector = (_, _) => System.Text.Encoding.UTF8,
    };

    public void Dispose()
    {
        _registryChannel.Dispose();
        _escalationChannel.Dispose();
    }
}
