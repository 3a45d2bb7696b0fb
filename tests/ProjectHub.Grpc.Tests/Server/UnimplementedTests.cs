using Microsoft.Extensions.DependencyInjection;
using ProjectHub.Grpc.Tests.Interop;

namespace ProjectHub.Grpc.Tests.Server;

public sealed class UnimplementedTests : IAsyncLifetime
{
    private TestGrpcServer _server = null!;
    private GrpcChannel _channel = null!;

    public async Task InitializeAsync()
    {
        // ProbeService is served on another port only: on this one it must not exist.
        _server = await TestGrpcServer.StartAsync(services =>
        {
            services.AddSingleton<ProbeRecorder>();
            services.AddGrpcService<ProbeService>(port: 1);
        });
        _channel = _server.CreateChannel();
    }

    public async Task DisposeAsync()
    {
        _channel.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Unknown_method_of_a_known_service()
    {
        var error = await CallAsync("/grpc.testing.TestService/UnimplementedCall");
        Assert.Equal(StatusCode.Unimplemented, error.StatusCode);
        Assert.Equal("Method /grpc.testing.TestService/UnimplementedCall is unimplemented.", error.Status.Detail);
    }

    [Fact]
    public async Task Unknown_service()
    {
        var error = await CallAsync("/grpc.testing.UnimplementedService/UnimplementedCall");
        Assert.Equal(StatusCode.Unimplemented, error.StatusCode);
        Assert.Equal("Service grpc.testing.UnimplementedService is unimplemented.", error.Status.Detail);
    }

    [Fact]
    public async Task Service_bound_to_another_port_is_unknown_here()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => new ProbeClient(_channel).Echo(new ProbeRequest()).ResponseAsync);
        Assert.Equal(StatusCode.Unimplemented, error.StatusCode);
        Assert.Equal("Service projecthub.testing.ProbeService is unimplemented.", error.Status.Detail);
    }

    [Fact]
    public async Task Unimplemented_is_a_trailers_only_response()
    {
        var response = await RawGrpc.CallAsync(_server, "/grpc.testing.TestService/UnimplementedCall", new Empty());
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("12", response.Header("grpc-status"));
        Assert.Equal("application/grpc", response.Header("content-type"));
        Assert.Empty(response.Body);
    }

    [Fact]
    public async Task Unsupported_request_encoding_is_unimplemented_and_lists_what_is_accepted()
    {
        var response = await RawGrpc.CallAsync(_server, "/grpc.testing.TestService/EmptyCall", new Empty(), ("grpc-encoding", "snappy"));
        Assert.Equal("12", response.GrpcStatus);
        Assert.Equal("identity,gzip", response.Header("grpc-accept-encoding"));
    }

    private async Task<RpcException> CallAsync(string path) =>
        await Assert.ThrowsAsync<RpcException>(() =>
            _channel.UnaryCall(Method<Empty, Empty>.ForPath(path, MethodType.Unary), new Empty()).ResponseAsync);
}
