namespace ProjectHub.Hosting.Grpc;

/// <summary>Server settings of every service host, section "Grpc:Server" (README "Configuration").</summary>
public sealed class GrpcServerSettings
{
    public const string Section = "Grpc:Server";

    public const int DefaultMaxMessageSize = 4 * 1024 * 1024;

    /// <summary>Largest request message accepted (after decompression); larger ones get RESOURCE_EXHAUSTED.</summary>
    public int MaxReceiveMessageSize { get; set; } = DefaultMaxMessageSize;

    /// <summary>Largest response message sent; a larger one ends the call with RESOURCE_EXHAUSTED. Null: no limit.</summary>
    public int? MaxSendMessageSize { get; set; }

    /// <summary>"gzip" to compress responses for clients that accept it; unset (default) sends them uncompressed.</summary>
    public string? ResponseCompression { get; set; }

    /// <summary>Put exception messages of unexpected failures into grpc-message (development only).</summary>
    public bool EnableDetailedErrors { get; set; }

    /// <summary>Serve grpc.reflection.v1 and v1alpha (on by default so standard tools can explore the API).</summary>
    public bool EnableReflection { get; set; } = true;

    public void Validate()
    {
        if (MaxReceiveMessageSize < 1 || MaxSendMessageSize < 1)
        {
            throw new InvalidOperationException("Grpc:Server:MaxReceiveMessageSize and MaxSendMessageSize must be positive.");
        }

        if (ResponseCompression is { Length: > 0 } algorithm && algorithm != "gzip")
        {
            throw new InvalidOperationException($"Grpc:Server:ResponseCompression must be gzip or unset, not '{algorithm}'.");
        }
    }
}
