using Google.Protobuf;

namespace ProjectHub.Grpc.Protocol;

/// <summary>Converts custom metadata to and from HTTP header values (binary values base64, unpadded when sent).</summary>
internal static class MetadataHeaders
{
    public static string ToHeaderValue(Metadata.Entry entry) =>
        entry.IsBinary ? Convert.ToBase64String(entry.ValueBytes!).TrimEnd('=') : entry.Value!;

    public static void AddFromHeader(Metadata metadata, string name, string value)
    {
        if (GrpcHeaders.IsReserved(name))
        {
            return;
        }

        var key = name.ToLowerInvariant();
        if (!Metadata.IsValidKey(key))
        {
            // HTTP allows header names gRPC metadata cannot have (e.g. "x-a+b", added by some proxy); such a header
            // is not metadata, and must not fail the call.
            return;
        }

        if (key.EndsWith(Metadata.BinarySuffix, StringComparison.Ordinal))
        {
            // A comma-joined header may hold several binary values.
            foreach (var part in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                metadata.Add(key, DecodeBinaryHeader(name, part));
            }
        }
        else
        {
            metadata.Add(key, value);
        }
    }

    /// <summary>A binary header value; malformed base64 is a protocol error (INTERNAL), as other stacks treat it.</summary>
    private static byte[] DecodeBinaryHeader(string name, string value)
    {
        try
        {
            return DecodeBase64(value);
        }
        catch (FormatException)
        {
            throw new RpcException(StatusCode.Internal, $"Malformed base64 in binary metadata '{name}'.");
        }
    }

    /// <summary>Standard base64, padded or not (the protocol sends it unpadded, and must accept both).</summary>
    public static byte[] DecodeBase64(string value)
    {
        var padded = (value.Length % 4) switch
        {
            2 => value + "==",
            3 => value + "=",
            _ => value,
        };
        return Convert.FromBase64String(padded);
    }

    public static Google.Rpc.Status? ParseStatusDetails(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        try
        {
            return Google.Rpc.Status.Parser.ParseFrom(DecodeBase64(value));
        }
        catch (Exception ex) when (ex is FormatException or InvalidProtocolBufferException)
        {
            // Details are an optional enrichment; a garbled one must not hide the status code itself.
            return null;
        }
    }

    public static string FormatStatusDetails(Google.Rpc.Status status) =>
        Convert.ToBase64String(status.ToByteArray()).TrimEnd('=');
}
