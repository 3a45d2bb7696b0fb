using System.IO.Pipelines;
using ProjectHub.Grpc.Protocol;
using ProjectHub.Grpc.Tests.Interop;

namespace ProjectHub.Grpc.Tests.Protocol;

public sealed class MessageFramingTests
{
    [Fact]
    public async Task Empty_message_goes_uncompressed_even_when_compressing()
    {
        var bytes = await FrameAsync(new Empty(), compress: true);
        Assert.Equal([0, 0, 0, 0, 0], bytes);
    }

    [Fact]
    public async Task Compressed_message_reads_back_with_its_flag()
    {
        var message = new SimpleRequest { ResponseSize = 7, Payload = new Payload { Body = Google.Protobuf.ByteString.CopyFrom(new byte[1000]) } };
        var bytes = await FrameAsync(message, compress: true);
        Assert.Equal(1, bytes[0]);
        Assert.True(bytes.Length < 100);

        var read = await MessageFraming.ReadAsync(PipeReader.Create(new MemoryStream(bytes)), SimpleRequest.Parser, "gzip", 4096, default);
        Assert.True(read!.Value.Compressed);
        Assert.Equal(message, read.Value.Message);
    }

    [Fact]
    public async Task Compressed_frame_without_grpc_encoding_is_internal_error()
    {
        var bytes = await FrameAsync(new SimpleRequest { ResponseSize = 1 }, compress: true);
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await MessageFraming.ReadAsync(PipeReader.Create(new MemoryStream(bytes)), SimpleRequest.Parser, null, 4096, default));
        Assert.Equal(StatusCode.Internal, error.StatusCode);
    }

    [Fact]
    public async Task Frame_over_the_limit_is_resource_exhausted_before_it_arrives()
    {
        // Only the header: the limit is enforced from the declared length, without buffering the body.
        byte[] header = [0, 0, 0, 0x10, 0x01];
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await MessageFraming.ReadAsync(PipeReader.Create(new MemoryStream(header)), SimpleRequest.Parser, null, 4096, default));
        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact]
    public async Task Response_ending_inside_a_message_is_internal_error()
    {
        byte[] truncated = [0, 0, 0, 0, 10, 1, 2];
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await MessageFraming.ReadAsync(PipeReader.Create(new MemoryStream(truncated)), SimpleRequest.Parser, null, 4096, default));
        Assert.Equal(StatusCode.Internal, error.StatusCode);
    }

    [Fact]
    public async Task Request_ending_inside_a_message_is_invalid_argument()
    {
        byte[] truncated = [0, 0, 0, 0, 10, 1, 2];
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await MessageFraming.ReadAsync(PipeReader.Create(new MemoryStream(truncated)), SimpleRequest.Parser, null, 4096, default, isRequest: true));
        Assert.Equal((StatusCode.InvalidArgument, "The request ended inside a message."), (error.StatusCode, error.Status.Detail));
    }

    [Theory]
    [InlineData(false, StatusCode.Internal)]
    [InlineData(true, StatusCode.InvalidArgument)]
    public async Task Bytes_that_are_not_the_message_are_the_senders_fault(bool isRequest, StatusCode expected)
    {
        // A zero tag is invalid in every protobuf message.
        byte[] notProtobuf = [0, 0, 0, 0, 3, 0, 0xFF, 0xFF];
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await MessageFraming.ReadAsync(PipeReader.Create(new MemoryStream(notProtobuf)), SimpleRequest.Parser, null, 4096, default, isRequest));
        Assert.Equal(expected, error.StatusCode);
    }

    private static async Task<byte[]> FrameAsync(Google.Protobuf.IMessage message, bool compress)
    {
        var output = new MemoryStream();
        var writer = PipeWriter.Create(output);
        await MessageFraming.WriteAsync(writer, message, compress, int.MaxValue, default);
        await writer.CompleteAsync();
        return output.ToArray();
    }
}
