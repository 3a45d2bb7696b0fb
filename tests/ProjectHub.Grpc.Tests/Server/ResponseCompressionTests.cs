using ProjectHub.Grpc.Tests.Interop;

namespace ProjectHub.Grpc.Tests.Server;

/// <summary>ServerCallContext.ResponseCompression, checked on the wire (the frame's compressed flag, grpc-encoding).</summary>
public sealed class ResponseCompressionTests
{
    private const string Echo = "/projecthub.testing.ProbeService/Echo";

    [Fact]
    public async Task Handler_asks_for_gzip_and_the_client_accepts_it()
    {
        await using var server = await ProbeServer.StartAsync();
        var response = await RawGrpc.CallAsync(server, Echo, new ProbeRequest { ReplySize = 10_000, CompressReply = true },
            ("grpc-accept-encoding", "identity,deflate,gzip"));

        Assert.Equal("0", response.GrpcStatus);
        Assert.Equal("gzip", response.Header("grpc-encoding"));
        Assert.Equal(1, response.Body[0]);
        Assert.True(response.Body.Length < 1000, $"{response.Body.Length} bytes");
    }

    [Theory]
    [InlineData("identity")]
    [InlineData("identity,deflate")]
    [InlineData(null)]
    public async Task Client_that_does_not_accept_gzip_gets_plain_messages(string? accepted)
    {
        await using var server = await ProbeServer.StartAsync();
        (string, string)[] headers = accepted is null ? [] : [("grpc-accept-encoding", accepted)];
        var response = await RawGrpc.CallAsync(server, Echo, new ProbeRequest { ReplySize = 10_000, CompressReply = true }, headers);

        Assert.Equal("0", response.GrpcStatus);
        Assert.Null(response.Header("grpc-encoding"));
        Assert.Equal(0, response.Body[0]);
        Assert.Equal(10_000 + 3 + 5, response.Body.Length);
    }

    [Fact]
    public async Task Asking_after_the_headers_went_out_has_no_effect()
    {
        await using var server = await ProbeServer.StartAsync();
        var response = await RawGrpc.CallAsync(server, "/projecthub.testing.ProbeService/CompressAfterHeaders",
            new ProbeRequest { ReplySize = 10_000 }, ("grpc-accept-encoding", "gzip"));

        Assert.Equal("0", response.GrpcStatus);
        Assert.Null(response.Header("grpc-encoding"));
        Assert.Equal(0, response.Body[0]);
    }

    [Fact]
    public async Task Server_wide_option_compresses_by_default_but_not_empty_messages()
    {
        await using var server = await ProbeServer.StartAsync(configureGrpc: options => options.ResponseCompression = "gzip");

        var echo = await RawGrpc.CallAsync(server, Echo, new ProbeRequest { ReplySize = 10_000 }, ("grpc-accept-encoding", "gzip"));
        Assert.Equal("gzip", echo.Header("grpc-encoding"));
        Assert.Equal(1, echo.Body[0]);

        var empty = await RawGrpc.CallAsync(server, "/grpc.testing.TestService/EmptyCall", new Empty(), ("grpc-accept-encoding", "gzip"));
        Assert.Equal([0, 0, 0, 0, 0], empty.Body);
    }

    [Fact]
    public async Task Our_client_reads_compressed_responses()
    {
        await using var server = await ProbeServer.StartAsync();
        using var channel = server.CreateChannel();
        var reply = await new ProbeClient(channel).Echo(new ProbeRequest { ReplySize = 314159, CompressReply = true });
        Assert.Equal(314159, reply.Body.Length);
    }
}
