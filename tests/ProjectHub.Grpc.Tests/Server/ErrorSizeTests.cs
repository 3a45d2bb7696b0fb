using System.Text;
using Microsoft.Extensions.DependencyInjection;
using ProjectHub.Grpc.Protocol;
using ProjectHub.Grpc.Tests.Interop;

namespace ProjectHub.Grpc.Tests.Server;

/// <summary>
/// A handler's error that echoes a huge value or lists thousands of violations still reaches our client (which,
/// like SocketsHttpHandler's default, accepts 64 KiB of headers) as the status the handler meant.
/// </summary>
public sealed class ErrorSizeTests : IAsyncLifetime
{
    private TestGrpcServer _server = null!;
    private GrpcChannel _channel = null!;

    public async Task InitializeAsync()
    {
        _server = await ProbeServer.StartAsync(services => services.AddScoped<IGrpcCallFilter, HugeErrorFilter>());
        _channel = _server.CreateChannel();
    }

    public async Task DisposeAsync()
    {
        _channel.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task A_huge_error_arrives_capped_with_its_status()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => new ProbeClient(_channel).Echo(new ProbeRequest()).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("名称无效：", error.Status.Detail, StringComparison.Ordinal);
        Assert.EndsWith("…", error.Status.Detail, StringComparison.Ordinal);
        Assert.True(Encoding.UTF8.GetByteCount(error.Status.Detail) <= StatusLimits.MaxMessageBytes);
        Assert.Equal(StatusLimits.MaxFieldViolations, error.FieldViolations.Count);
        Assert.Equal("names[0]", error.FieldViolations[0].Field);
        Assert.Equal("and 4,951 more field violations not shown.", error.FieldViolations[^1].Description);
        Assert.Equal(0, _server.Recorder().EchoCalls);
    }

    [Fact]
    public async Task On_the_wire_the_error_fits_in_a_few_kibibytes()
    {
        var response = await RawGrpc.CallAsync(_server, "/projecthub.testing.ProbeService/Echo", new ProbeRequest());

        Assert.Equal("3", response.GrpcStatus);
        Assert.InRange(response.Header("grpc-message")!.Length + response.Header("grpc-status-details-bin")!.Length, 1, 48 * 1024);
    }

    private sealed class HugeErrorFilter : IGrpcCallFilter
    {
        public ValueTask OnCallAsync(ServerCallContext context)
        {
            // A 1 MiB value in the message, and 5,000 violations of 6 KiB each (30 MB in all).
            var value = new string('字', 1024 * 1024 / 3 + 1);
            var description = $"\"{value[..2000]}\" is not a name.";
            throw RpcException.InvalidArgument("名称无效：" + value,
                Enumerable.Range(0, 5000).Select(i => ($"names[{i}]", description)));
        }
    }
}
