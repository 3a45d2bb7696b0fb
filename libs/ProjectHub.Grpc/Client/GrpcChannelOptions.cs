namespace ProjectHub.Grpc;

/// <summary>Client settings for a <see cref="GrpcChannel"/>.</summary>
public sealed class GrpcChannelOptions
{
    /// <summary>Largest response message accepted; larger ones end the call with RESOURCE_EXHAUSTED.</summary>
    public int MaxReceiveMessageSize { get; set; } = GrpcServerOptions.DefaultMaxMessageSize;

    /// <summary>Largest request message sent; the default leaves the limit to the server.</summary>
    public int MaxSendMessageSize { get; set; } = int.MaxValue;

    /// <summary>gzip-compress request messages (the server must accept gzip, as grpc servers do).</summary>
    public bool CompressRequests { get; set; }

    /// <summary>
    /// Adds headers to every call before it starts, e.g. "authorization: Bearer …" from a token source.
    /// </summary>
    public Func<Metadata, CancellationToken, ValueTask>? CallHeaders { get; set; }

    /// <summary>A handler of your own (TLS settings, test servers); by default a SocketsHttpHandler tuned for gRPC.</summary>
    public HttpMessageHandler? HttpHandler { get; set; }

    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
