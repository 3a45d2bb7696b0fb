using Grpc.Health.V1;
using Microsoft.Extensions.Hosting;

namespace ProjectHub.Grpc.Health;

/// <summary>Reports SERVING once the host has started and NOT_SERVING as soon as it begins to stop.</summary>
internal sealed class HealthLifetimeService(IHostApplicationLifetime lifetime, HealthStatusRegistry registry) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => registry.SetStatus("", HealthCheckResponse.Types.ServingStatus.Serving));
        lifetime.ApplicationStopping.Register(() => registry.SetStatus("", HealthCheckResponse.Types.ServingStatus.NotServing));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
