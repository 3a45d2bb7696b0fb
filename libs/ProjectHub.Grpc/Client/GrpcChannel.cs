using Google.Protobuf;

namespace ProjectHub.Grpc;

/// <summary>
/// A connection pool to one gRPC server over HTTP/2 ("http://" = cleartext h2c with prior knowledge, "https://" =
/// TLS with ALPN). Thread-safe and meant to live as long as the process; typed clients share it.
/// </summary>
public sealed class GrpcChannel : IDisposable
{
    private readonly bool _ownsHandler;

    private GrpcChannel(Uri address, GrpcChannelOptions options)
    {
        Address = address;
        Options = options;
        _ownsHandler = options.HttpHandler is null;
        Invoker = new HttpMessageInvoker(options.HttpHandler ?? CreateDefaultHandler(), disposeHandler: _ownsHandler);
    }

    public Uri Address { get; }

    public GrpcChannelOptions Options { get; }

    internal HttpMessageInvoker Invoker { get; }

    public static GrpcChannel ForAddress(string address, GrpcChannelOptions? options = null) =>
        ForAddress(new Uri(address, UriKind.Absolute), options);

    public static GrpcChannel ForAddress(Uri address, GrpcChannelOptions? options = null)
    {
        if (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps)
        {
            throw new ArgumentException($"A gRPC address must be http:// or https://, not {address}.", nameof(address));
        }

        return new GrpcChannel(address, options ?? new GrpcChannelOptions());
    }

    public AsyncUnaryCall<TResponse> UnaryCall<TRequest, TResponse>(
        Method<TRequest, TResponse> method, TRequest request, CallOptions options = default)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new()
    {
        var call = new Client.GrpcCall<TRequest, TResponse>(this, method, options);
        call.StartWithSingleRequest(request);
        return new AsyncUnaryCall<TResponse>(call.GetResponseAsync(), call);
    }

    public AsyncServerStreamingCall<TResponse> ServerStreamingCall<TRequest, TResponse>(
        Method<TRequest, TResponse> method, TRequest request, CallOptions options = default)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new()
    {
        var call = new Client.GrpcCall<TRequest, TResponse>(this, method, options);
        call.StartWithSingleRequest(request);
        return new AsyncServerStreamingCall<TResponse>(call.ResponseStream, call);
    }

    public AsyncClientStreamingCall<TRequest, TResponse> ClientStreamingCall<TRequest, TResponse>(
        Method<TRequest, TResponse> method, CallOptions options = default)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new()
    {
        var call = new Client.GrpcCall<TRequest, TResponse>(this, method, options);
        call.StartWithRequestStream();
        return new AsyncClientStreamingCall<TRequest, TResponse>(call.RequestStream, call.GetResponseAsync(), call);
    }

    public AsyncDuplexStreamingCall<TRequest, TResponse> DuplexStreamingCall<TRequest, TResponse>(
        Method<TRequest, TResponse> method, CallOptions options = default)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new()
    {
        var call = new Client.GrpcCall<TRequest, TResponse>(this, method, options);
        call.StartWithRequestStream();
        return new AsyncDuplexStreamingCall<TRequest, TResponse>(call.RequestStream, call.ResponseStream, call);
    }

    private static SocketsHttpHandler CreateDefaultHandler() => new()
    {
        // Several HTTP/2 connections once one reaches the server's stream limit, so load does not queue.
        EnableMultipleHttp2Connections = true,
        PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
        KeepAlivePingDelay = TimeSpan.FromSeconds(60),
        KeepAlivePingTimeout = TimeSpan.FromSeconds(30),
        KeepAlivePingPolicy = HttpKeepAlivePingPolicy.WithActiveRequests,
        ConnectTimeout = TimeSpan.FromSeconds(10),
        // The call propagates trace context itself (traceparent from its own client span).
        ActivityHeadersPropagator = null,
        AutomaticDecompression = System.Net.DecompressionMethods.None,
        UseCookies = false,
    };

    public void Dispose() => Invoker.Dispose();
}
