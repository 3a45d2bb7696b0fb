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
        if (key.EndsWith(Metadata.BinarySuffix, StringComparison.Ordinal))
        {
            // A comma-joined header may hold several binary values.
            foreach (var part in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                metadata.Add(key, DecodeBase64(part));
            }
        }
        else
        {
            metadata.Add(key, value);
        }
    }

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
