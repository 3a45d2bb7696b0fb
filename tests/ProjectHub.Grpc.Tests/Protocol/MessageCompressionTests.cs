using System.Buffers;
using System.IO.Compression;
using ProjectHub.Grpc.Protocol;

namespace ProjectHub.Grpc.Tests.Protocol;

public sealed class MessageCompressionTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(271828)]
    public void Compressed_payload_is_a_complete_gzip_stream(int size)
    {
        var payload = new byte[size];
        var compressed = MessageCompression.Compress(payload);

        // Any gzip reader must accept it, including for an empty message (grpc-js rejects a zero-byte "gzip" payload).
        Assert.Equal([0x1f, 0x8b], compressed.Take(2));
        using var gzip = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var output = new MemoryStream();
        gzip.CopyTo(output);
        Assert.Equal(payload, output.ToArray());
        Assert.Equal(payload, MessageCompression.Decompress(new ReadOnlySequence<byte>(compressed), size + 1));
    }

    [Fact]
    public void Decompression_stops_at_the_size_limit()
    {
        var compressed = MessageCompression.Compress(new byte[100_000]);
        var error = Assert.Throws<RpcException>(() => MessageCompression.Decompress(new ReadOnlySequence<byte>(compressed), 99_999));
        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact]
    public void Garbage_is_internal_error()
    {
        var error = Assert.Throws<RpcException>(() =>
            MessageCompression.Decompress(new ReadOnlySequence<byte>([0x1f, 0x8b, 1, 2, 3, 4, 5, 6, 7, 8, 9]), 100));
        Assert.Equal(StatusCode.Internal, error.StatusCode);
    }
}
