using System.Threading.Channels;
using Grpc.Health.V1;
using ProjectHub.Grpc.Server;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace ProjectHub.Grpc.Health;

/// <summary>grpc.health.v1.Health: "" is the whole server; a service name is known only on the port serving it.</summary>
[GrpcService(typeof(HealthReflection), "grpc.health.v1.Health")]
public sealed class HealthService(HealthStatusRegistry registry, ServiceCatalog catalog)
{
    public Task<HealthCheckResponse> Check(HealthCheckRequest request, ServerCallContext context)
    {
        var status = StatusOf(request.Service, context.HttpContext.Connection.LocalPort)
            ?? throw new RpcException(StatusCode.NotFound, $"Unknown service '{request.Service}'.");
        return Task.FromResult(new HealthCheckResponse { Status = status });
    }

    public async Task Watch(HealthCheckRequest request, IServerStreamWriter<HealthCheckResponse> responseStream, ServerCallContext context)
    {
        var port = context.HttpContext.Connection.LocalPort;
        var changes = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
        void OnChanged(string _) => changes.Writer.TryWrite(true);
        registry.Changed += OnChanged;
        try
        {
            ServingStatus? last = null;
            while (true)
            {
                var status = StatusOf(request.Service, port) ?? ServingStatus.ServiceUnknown;
                if (status != last)
                {
                    await responseStream.WriteAsync(new HealthCheckResponse { Status = status }, context.CancellationToken).ConfigureAwait(false);
                    last = status;
                }

                await changes.Reader.ReadAsync(context.CancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            registry.Changed -= OnChanged;
        }
    }

    private ServingStatus? StatusOf(string service, int port) =>
        service.Length == 0 || catalog.IsServiceKnown(service, port) ? registry.Get(service) : null;
}
