namespace ProjectHub.Grpc.Protocol;

/// <summary>Header names and values of the gRPC-over-HTTP/2 protocol.</summary>
internal static class GrpcHeaders
{
    public const string ContentType = "application/grpc";
    public const string Status = "grpc-status";
    public const string Message = "grpc-message";
    public const string StatusDetails = "grpc-status-details-bin";
    public const string Timeout = "grpc-timeout";
    public const string Encoding = "grpc-encoding";
    public const string AcceptEncoding = "grpc-accept-encoding";
    public const string TraceParent = "traceparent";
    public const string TraceState = "tracestate";
    public const string UserAgent = "projecthub-grpc-dotnet/1.0";

    /// <summary>
    /// "application/grpc", bare or with a subtype ("+proto") or parameters. Not "application/grpc-web…": that is
    /// another protocol, which this layer does not speak, so such requests go on to the rest of the pipeline.
    /// </summary>
    public static bool IsGrpcContentType(string? value) =>
        value is not null
        && value.StartsWith(ContentType, StringComparison.OrdinalIgnoreCase)
        && (value.Length == ContentType.Length || value[ContentType.Length] is '+' or ';');

    /// <summary>Headers of HTTP or of the protocol itself, never exposed as custom metadata.</summary>
    public static bool IsReserved(string name) =>
        name.StartsWith(':')
        || name.StartsWith("grpc-", StringComparison.OrdinalIgnoreCase)
        || name.Equals("content-type", StringComparison.OrdinalIgnoreCase)
        || name.Equals("te", StringComparison.OrdinalIgnoreCase)
        || name.Equals("host", StringComparison.OrdinalIgnoreCase)
        || name.Equals("content-length", StringComparison.OrdinalIgnoreCase)
        || name.Equals("connection", StringComparison.OrdinalIgnoreCase)
        || name.Equals("accept-encoding", StringComparison.OrdinalIgnoreCase)
        || name.Equals("content-encoding", StringComparison.OrdinalIgnoreCase)
        || name.Equals("transfer-encoding", StringComparison.OrdinalIgnoreCase)
        || name.Equals(TraceParent, StringComparison.OrdinalIgnoreCase)
        || name.Equals(TraceState, StringComparison.OrdinalIgnoreCase);
}
