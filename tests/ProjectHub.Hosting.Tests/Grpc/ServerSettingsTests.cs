using Google.Protobuf;
using Grpc.Core;

namespace ProjectHub.Hosting.Tests.Grpc;

/// <summary>"Grpc:Server" settings reach Grpc.AspNetCore: the message limit and response compression.</summary>
public sealed class ServerSettingsTests
{
    [Fact]
    public async Task The_receive_limit_is_configurable()
    {
        await using var host = await ProbeHost.StartAsync(new Dictionary<string, string?> { ["Grpc:Server:MaxReceiveMessageSize"] = "1024" });
        var error = await Assert.ThrowsAsync<RpcException>(async () => await host.Client.EchoAsync(
            new EchoRequest { Payload = ByteString.CopyFrom(new byte[2048]) }, deadline: DateTime.UtcNow.AddSeconds(30)));
        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    [Theory]
    [InlineData(null, null, 0)]
    [InlineData("gzip", "gzip", 1)]
    public async Task Responses_are_gzip_compressed_when_configured(string? setting, string? encoding, byte compressedFlag)
    {
        await using var host = await ProbeHost.StartAsync(new Dictionary<string, string?> { ["Grpc:Server:ResponseCompression"] = setting });
        // Raw HTTP/2, because gRPC clients hide both the header and the per-message compressed flag.
        var message = new EchoRequest { ReplySize = 64 * 1024 }.ToByteArray();
        var response = await host.RawCallAsync("/projecthub.testing.Probe/Echo", ProbeHost.Frame((uint)message.Length, message),
            ("grpc-accept-encoding", "identity,gzip"));

        Assert.Equal(encoding, response.GrpcEncoding);
        Assert.Equal(compressedFlag, response.Body[0]);
        Assert.Equal(compressedFlag == 1, response.Body.Length < 16 * 1024); // 64 KiB of zeros shrink to a few hundred bytes
        Assert.Equal("0", response.GrpcStatus);
    }

    [Fact]
    public async Task An_unknown_compression_setting_stops_the_start()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            ProbeHost.StartAsync(new Dictionary<string, string?> { ["Grpc:Server:ResponseCompression"] = "brotli" }));
        Assert.Contains("gzip", error.Message, StringComparison.Ordinal);
    }
}
