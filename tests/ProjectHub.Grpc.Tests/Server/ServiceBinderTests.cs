using Microsoft.Extensions.DependencyInjection;
using ProjectHub.Grpc.Server;
using ProjectHub.Grpc.Tests.Interop;

namespace ProjectHub.Grpc.Tests.Server;

public sealed class ServiceBinderTests
{
    [Fact]
    public async Task Start_up_fails_listing_every_problem_of_a_service_class()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            TestGrpcServer.StartAsync(services => services.AddGrpcService<BrokenBinderService>()));

        var lines = error.Message.Split(Environment.NewLine).Select(l => l.Trim()).ToList();
        Assert.Equal($"{typeof(BrokenBinderService).FullName} does not implement projecthub.testing.BinderService correctly:", lines[0]);
        Assert.Equal(
        [
            "ServerStream: not implemented (expected Task ServerStream(ProbeRequest, IServerStreamWriter<ProbeReply>, ServerCallContext))",
            "ClientStream: parameters are (IAsyncStreamReader<ProbeReply>, ServerCallContext) " +
                "(expected Task<ProbeReply> ClientStream(IAsyncStreamReader<ProbeRequest>, ServerCallContext))",
            "Duplex: returns Task<ProbeReply> " +
                "(expected Task Duplex(IAsyncStreamReader<ProbeRequest>, IServerStreamWriter<ProbeReply>, ServerCallContext))",
        ], lines.Skip(1));
    }

    [Fact]
    public void An_overload_next_to_the_rpc_method_does_not_stop_binding()
    {
        var catalog = new ServiceCatalog([new GrpcServiceRegistration(typeof(OverloadedBinderService), null)]);
        var unary = catalog.Find("/projecthub.testing.BinderService/Unary", 1234);
        Assert.NotNull(unary);
        Assert.Equal(typeof(ProbeRequest), unary.Descriptor.InputType.ClrType);
    }

    [Fact]
    public void A_class_without_the_attribute_is_refused()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            new ServiceCatalog([new GrpcServiceRegistration(typeof(ProbeRecorder), null)]));
        Assert.Contains("[GrpcService]", error.Message, StringComparison.Ordinal);
    }
}

/// <summary>Unary is right; ServerStream is missing; ClientStream reads the wrong type; Duplex returns a value.</summary>
[GrpcService(typeof(ProbeReflection), "BinderService")]
public sealed class BrokenBinderService
{
    public Task<ProbeReply> Unary(ProbeRequest request, ServerCallContext context) => Task.FromResult(new ProbeReply());

    public Task<ProbeReply> ClientStream(IAsyncStreamReader<ProbeReply> requestStream, ServerCallContext context) =>
        Task.FromResult(new ProbeReply());

    public Task<ProbeReply> Duplex(
        IAsyncStreamReader<ProbeRequest> requestStream, IServerStreamWriter<ProbeReply> responseStream, ServerCallContext context) =>
        Task.FromResult(new ProbeReply());
}

/// <summary>Correct, plus a helper overload named like an RPC.</summary>
[GrpcService(typeof(ProbeReflection), "projecthub.testing.BinderService")]
public sealed class OverloadedBinderService
{
    public Task<ProbeReply> Unary(ProbeRequest request, ServerCallContext context) => Task.FromResult(Unary(request.Name));

    public ProbeReply Unary(string name) => new() { TraceId = name };

    public Task ServerStream(ProbeRequest request, IServerStreamWriter<ProbeReply> responseStream, ServerCallContext context) =>
        Task.CompletedTask;

    public Task<ProbeReply> ClientStream(IAsyncStreamReader<ProbeRequest> requestStream, ServerCallContext context) =>
        Task.FromResult(new ProbeReply());

    public Task Duplex(IAsyncStreamReader<ProbeRequest> requestStream, IServerStreamWriter<ProbeReply> responseStream, ServerCallContext context) =>
        Task.CompletedTask;
}
