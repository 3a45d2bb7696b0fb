using ProjectHub.Grpc.Tests.Interop;

namespace ProjectHub.Grpc.Tests.Peers;

/// <summary>Our client (InteropClient) against grpc-js's interop server, started once for the class.</summary>
public sealed class OurClientToNodeServerTests(NodeServerFixture fixture) : IClassFixture<NodeServerFixture>
{
    /// <summary>Cases the grpc-js server cannot serve, and why.</summary>
    private static readonly string[] Unsupported =
    [
        // grpc-js has no per-call response compression: response_compressed cannot be honoured.
        "server_compressed_unary", "server_compressed_streaming",
        // The node peer serves no reflection service.
        "reflection_list",
    ];

    /// <summary>
    /// The other InteropClient cases. client_compressed_unary runs without its probe (grpc-js cannot see a request's
    /// compressed flag); the gzip and plain steps are still checked on the wire.
    /// </summary>
    public static TheoryData<string> Cases => new(InteropClient.Cases.Except(Unsupported));

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Our_client_passes_against_node_server(string testCase)
    {
        using var channel = fixture.CreateChannel();
        await new InteropClient(channel, skipCompressionProbe: true).RunAsync(testCase);
    }
}
