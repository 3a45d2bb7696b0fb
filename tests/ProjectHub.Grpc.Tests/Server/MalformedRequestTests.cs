using System.Net;
using ProjectHub.Grpc.Tests.Interop;

namespace ProjectHub.Grpc.Tests.Server;

/// <summary>A request body that is not a whole message is the caller's mistake: INVALID_ARGUMENT, and the method never runs.</summary>
public sealed class MalformedRequestTests : IAsyncLifetime
{
    private TestGrpcServer _server = null!;

    public async Task InitializeAsync() => _server = await ProbeServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData(new byte[] { 0, 0, 0, 0, 100, 1, 2, 3 }, "The request ended inside a message.")]
    [InlineData(new byte[] { 0, 0, 0, 0, 3, 0, 0xFF, 0xFF }, "The request message could not be parsed")]
    public async Task A_broken_request_is_invalid_argument(byte[] body, string detail)
    {
        var response = await RawGrpc.SendAsync(_server.Address + "/projecthub.testing.ProbeService/Echo", HttpVersion.Version20, HttpMethod.Post,
            "application/grpc", body);

        Assert.Equal("3", response.GrpcStatus);
        Assert.StartsWith(detail, Uri.UnescapeDataString(response.Header("grpc-message") ?? response.Trailers["grpc-message"]), StringComparison.Ordinal);
        Assert.Equal(0, _server.Recorder().EchoCalls);
    }
}
