using System.Buffers;
using System.IO.Compression;

namespace ProjectHub.Grpc.Protocol;

/// <summary>Per-message compression: "identity" and "gzip".</summary>
internal static class MessageCompression
{
    public const string Gzip = "gzip";
    public const string Identity = "identity";
    public const string AcceptedEncodings = "identity,gzip";

    public static bool IsSupported(string? encoding) =>
        string.IsNullOrEmpty(encoding) || encoding is Identity or Gzip;

    /// <summary>
    /// A complete gzip member holding nothing (RFC 1952 header, an empty final deflate block, CRC-32 0, size 0).
    /// GZipStream writes no bytes at all for empty input, and a zero-byte "gzip" payload is rejected by other stacks
    /// (grpc-js: "Failed to decompress message").
    /// </summary>
    private static readonly byte[] EmptyGzip = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0];

    public static byte[] Compress(ReadOnlySpan<byte> payload)
    {
        if (payload.IsEmpty)
        {
            return [.. EmptyGzip];
        }

        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(payload);
        }

        return output.ToArray();
    }

    /// <summary>Decompresses, refusing to inflate beyond <paramref name="maxSize"/> (a zip bomb is an attack).</summary>
    public static byte[] Decompress(ReadOnlySequence<byte> payload, int maxSize)
    {
        using var input = new MemoryStream(payload.ToArray());
        using var gzip = new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = gzip.Read(buffer, 0, buffer.Length)) > 0)
            {
                if (output.Length + read > maxSize)
                {
                    throw new RpcException(StatusCode.ResourceExhausted,
                        $"Decompressed message larger than the limit of {maxSize} bytes.");
                }

                output.Write(buffer, 0, read);
            }
        }
        catch (InvalidDataException ex)
        {
            throw new RpcException(StatusCode.Internal, $"Could not decompress a gzip message: {ex.Message}");
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return output.ToArray();
    }
}
