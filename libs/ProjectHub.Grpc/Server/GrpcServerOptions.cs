namespace ProjectHub.Grpc;

/// <summary>Server settings; bound from the "Grpc:Server" configuration section by the hosting library.</summary>
public sealed class GrpcServerOptions
{
    public const int DefaultMaxMessageSize = 4 * 1024 * 1024;

    /// <summary>Largest request message accepted (after decompression); larger ones get RESOURCE_EXHAUSTED.</summary>
    public int MaxReceiveMessageSize { get; set; } = DefaultMaxMessageSize;

    /// <summary>Largest response message sent; a larger one ends the call with RESOURCE_EXHAUSTED.</summary>
    public int MaxSendMessageSize { get; set; } = int.MaxValue;

    /// <summary>"gzip" to compress responses for clients that accept it; null (default) sends them uncompressed.</summary>
    public string? ResponseCompression { get; set; }

    /// <summary>Put exception messages of unexpected failures into grpc-message (development only).</summary>
    public bool EnableDetailedErrors { get; set; }

    /// <summary>Serve grpc.reflection.v1 and v1alpha (on by default so standard tools can explore the API).</summary>
    public bool EnableReflection { get; set; } = true;
}
