using Grpc.Health.V1;
using Microsoft.Extensions.DependencyInjection;
using ProjectHub.Grpc.Tests.Interop;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace ProjectHub.Grpc.Tests.Server;

public sealed class HealthTests : IAsyncLifetime
{
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Health = HealthReflection.Descriptor.Services[0];
    private static readonly Method<HealthCheckRequest, HealthCheckResponse> Check =
        Method<HealthCheckRequest, HealthCheckResponse>.Create(Health, "Check", MethodType.Unary);
    private static readonly Method<HealthCheckRequest, HealthCheckResponse> Watch =
        Method<HealthCheckRequest, HealthCheckResponse>.Create(Health, "Watch", MethodType.ServerStreaming);

    private TestGrpcServer _server = null!;
    private GrpcChannel _channel = null!;

    public async Task InitializeAsync()
    {
        _server = await TestGrpcServer.StartAsync();
        _channel = _server.CreateChannel();
    }

    public async Task DisposeAsync()
    {
        _channel.Dispose();
        await _server.DisposeAsync();
    }

    [Theory]
    [InlineData("")]
    [InlineData("grpc.testing.TestService")]
    [InlineData("grpc.health.v1.Health")]
    public async Task Server_and_registered_services_are_serving(string service)
    {
        var response = await _channel.UnaryCall(Check, new HealthCheckRequest { Service = service });
        Assert.Equal(ServingStatus.Serving, response.Status);
    }

    [Fact]
    public async Task Unknown_service_is_not_found()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            _channel.UnaryCall(Check, new HealthCheckRequest { Service = "projecthub.NoSuchService" }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task Watch_sends_serving_first_then_each_change()
    {
        var registry = _server.Services.GetRequiredService<ProjectHub.Grpc.Health.HealthStatusRegistry>();
        using var call = _channel.ServerStreamingCall(Watch, new HealthCheckRequest { Service = "grpc.testing.TestService" },
            new CallOptions().WithDeadlineAfter(TimeSpan.FromSeconds(10)));

        Assert.True(await call.ResponseStream.MoveNext());
        Assert.Equal(ServingStatus.Serving, call.ResponseStream.Current.Status);

        registry.SetStatus("grpc.testing.TestService", ServingStatus.NotServing);
        Assert.True(await call.ResponseStream.MoveNext());
        Assert.Equal(ServingStatus.NotServing, call.ResponseStream.Current.Status);
    }

    [Fact]
    public async Task Watch_of_an_unknown_service_says_service_unknown()
    {
        using var call = _channel.ServerStreamingCall(Watch, new HealthCheckRequest { Service = "projecthub.NoSuchService" },
            new CallOptions().WithDeadlineAfter(TimeSpan.FromSeconds(10)));
        Assert.True(await call.ResponseStream.MoveNext());
        Assert.Equal(ServingStatus.ServiceUnknown, call.ResponseStream.Current.Status);
    }
}
