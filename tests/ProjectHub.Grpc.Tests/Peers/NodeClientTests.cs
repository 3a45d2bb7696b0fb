namespace ProjectHub.Grpc.Tests.Peers;

/// <summary>grpc-js's interop client (tests/interop/node) against our server, one process per case.</summary>
public sealed class NodeClientTests(OurServerFixture fixture) : IClassFixture<OurServerFixture>
{
    /// <summary>Every case interop_client.js has (it has no compression, health_watch or reflection cases).</summary>
    public static TheoryData<string> Cases => new(
        "empty_unary", "large_unary", "large_unary_near_limit", "large_unary_over_limit", "client_streaming",
        "server_streaming", "ping_pong", "empty_stream", "cancel_after_begin", "cancel_after_first_response",
        "timeout_on_sleeping_server", "status_code_and_message", "special_status_message", "custom_metadata",
        "unimplemented_method", "unimplemented_service", "health_check");

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Node_client_passes_against_our_server(string testCase)
    {
        await PeerEnvironment.RequireNodeAsync();
        var result = await PeerClient.RunAsync(PeerEnvironment.Node!,
        [
            PeerEnvironment.NodeScript("interop_client.js"),
            "--server_host", "127.0.0.1", "--server_port", fixture.Server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--test_case", testCase,
        ], TimeSpan.FromSeconds(60));
        result.AssertPassed();
    }
}
