namespace ProjectHub.Grpc.Tests.Peers;

/// <summary>grpcio's interop client (tests/interop/python) against our server, one process per case.</summary>
public sealed class PythonClientTests(OurServerFixture fixture) : IClassFixture<OurServerFixture>
{
    /// <summary>Every case interop_client.py has; our server supports them all.</summary>
    public static TheoryData<string> Cases => new(
        "empty_unary", "large_unary", "large_unary_near_limit", "large_unary_over_limit", "client_streaming",
        "server_streaming", "ping_pong", "empty_stream", "cancel_after_begin", "cancel_after_first_response",
        "timeout_on_sleeping_server", "status_code_and_message", "special_status_message", "custom_metadata",
        "unimplemented_method", "unimplemented_service",
        // With the probe: our server sees the per-message compressed flag and rejects expect_compressed on a plain request.
        "client_compressed_unary",
        // Per-call response compression (ServerCallContext.ResponseCompression), checked on the wire by the client's relay.
        "server_compressed_unary", "server_compressed_streaming",
        "health_check", "health_watch", "reflection_list");

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Python_client_passes_against_our_server(string testCase)
    {
        await PeerEnvironment.RequirePythonAsync();
        var arguments = new List<string>
        {
            PeerEnvironment.PythonScript("interop_client.py"),
            "--server_host", "127.0.0.1", "--server_port", fixture.Server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--test_case", testCase,
        };
        if (testCase == "reflection_list")
        {
            arguments.AddRange(["--expect_services", "grpc.testing.TestService,grpc.health.v1.Health", "--reflection_versions", "v1,v1alpha"]);
        }

        var result = await PeerClient.RunAsync(PeerEnvironment.Python, arguments, TimeSpan.FromSeconds(60));
        result.AssertPassed();
    }
}
