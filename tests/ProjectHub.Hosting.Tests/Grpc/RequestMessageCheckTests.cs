using System.Text;

namespace ProjectHub.Hosting.Tests.Grpc;

/// <summary>A request whose bytes are not the method's message is INVALID_ARGUMENT and never reaches the handler.</summary>
public sealed class RequestMessageCheckTests : IAsyncLifetime
{
    private ProbeHost _host = null!;

    public async Task InitializeAsync() => _host = await ProbeHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_truncated_frame_is_an_invalid_argument()
    {
        var response = await _host.RawCallAsync("/projecthub.testing.Probe/Fail", ProbeHost.Frame(100, new byte[10]));
        Assert.Equal(("3", "The request ended inside a message."), (response.GrpcStatus, Uri.UnescapeDataString(response.GrpcMessage!)));
    }

    [Fact]
    public async Task Bytes_that_are_not_protobuf_are_an_invalid_argument()
    {
        // A zero tag is invalid in every protobuf message, whatever its fields.
        var payload = new byte[] { 0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF }.Concat(Encoding.UTF8.GetBytes("{\"not\":\"protobuf\"}")).ToArray();
        var response = await _host.RawCallAsync("/projecthub.testing.Probe/FailStreaming", ProbeHost.Frame((uint)payload.Length, payload));
        Assert.Equal("3", response.GrpcStatus);
        Assert.StartsWith("The request message could not be parsed: ", Uri.UnescapeDataString(response.GrpcMessage!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_well_formed_request_reaches_the_handler_unchanged()
    {
        // kind = "precondition": the handler's own refusal comes back, so the message arrived whole.
        var message = Google.Protobuf.MessageExtensions.ToByteArray(new FailRequest { Kind = "precondition" });
        var response = await _host.RawCallAsync("/projecthub.testing.Probe/Fail", ProbeHost.Frame((uint)message.Length, message));
        Assert.Equal("9", response.GrpcStatus);
    }

    [Fact]
    public async Task A_frame_over_the_limit_is_left_to_grpc_and_resource_exhausted()
    {
        var limit = ProjectHub.Hosting.Grpc.GrpcServerSettings.DefaultMaxMessageSize;
        var response = await _host.RawCallAsync("/projecthub.testing.Probe/Fail", ProbeHost.Frame((uint)limit + 1, new byte[limit + 1]));
        Assert.Equal("8", response.GrpcStatus);
    }
}
