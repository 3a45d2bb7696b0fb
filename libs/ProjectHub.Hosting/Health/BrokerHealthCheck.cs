using MassTransit;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ProjectHub.Hosting.Health;

/// <summary>
/// The broker counts for readiness: anything short of a healthy bus is NOT_SERVING. MassTransit's own check reports a
/// lost RabbitMQ connection as Degraded (its receive endpoints are "degraded" while they reconnect), and gRPC health
/// maps Degraded to SERVING — a replica that cannot publish or consume would stay in rotation.
/// </summary>
internal sealed class BrokerHealthCheck(IBusControl bus) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var health = bus.CheckHealth();
        return Task.FromResult(health.Status == BusHealthStatus.Healthy
            ? HealthCheckResult.Healthy(health.Description)
            : HealthCheckResult.Unhealthy($"The message broker is not reachable ({health.Status}: {health.Description}).", health.Exception));
    }
}
