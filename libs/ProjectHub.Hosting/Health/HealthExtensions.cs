using Grpc.AspNetCore.HealthChecks;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ProjectHub.Hosting.Health;

/// <summary>
/// gRPC health (grpc.health.v1, Grpc.AspNetCore.HealthChecks) that means something: a service is SERVING only while
/// every check tagged <see cref="Ready"/> passes — its database, and its broker when the bus is RabbitMQ (MassTransit
/// registers that check with the same tag). Check runs the checks on each call; Watch is told of changes by the
/// health-check publisher every "Health:CheckPeriod" (5 s).
/// </summary>
public static class HealthExtensions
{
    public const string Ready = "ready";

    /// <summary>Checks that say the process itself works; a failing one means restart it.</summary>
    public const string Live = "live";

    /// <summary>
    /// The health service name for liveness probes: the host only, so a replica is not restarted (which would not
    /// help) while its database or broker is away — readiness ("") takes it out of rotation instead.
    /// </summary>
    public const string Liveness = "liveness";

    /// <summary>
    /// gRPC health for the whole server (""), from every check tagged <see cref="Ready"/> — the host's own lifetime
    /// (started, not stopping) is one — and "liveness" from the host's lifetime alone; part of the defaults of every host.
    /// </summary>
    public static WebApplicationBuilder AddProjectHubHealth(this WebApplicationBuilder builder)
    {
        builder.Services.AddGrpcHealthChecks(options =>
            {
                options.Services.Map("", r => r.Tags.Contains(Ready));
                options.Services.Map(Liveness, r => r.Tags.Contains(Live));
            })
            .AddCheck<LifetimeHealthCheck>("host", HealthStatus.Unhealthy, [Ready, Live]);
        var period = builder.Configuration.GetValue("Health:CheckPeriod", TimeSpan.FromSeconds(5));
        builder.Services.Configure<HealthCheckPublisherOptions>(options =>
        {
            // Not at start-up: the bus is still starting then, and a NOT_SERVING published before the first Watch
            // would become the state later changes are compared with, while Watch's first answer is computed fresh;
            // a change in the first moments would then never reach the watcher.
            options.Delay = period;
            options.Period = period;
            options.Timeout = TimeSpan.FromSeconds(10);
        });
        return builder;
    }

    /// <summary>Health of one gRPC service by its full name, e.g. projecthub.registry.v1.ProjectRegistry: the same checks.</summary>
    public static WebApplicationBuilder AddServiceHealth(this WebApplicationBuilder builder, params string[] grpcServiceNames)
    {
        builder.Services.Configure<GrpcHealthChecksOptions>(options =>
        {
            foreach (var name in grpcServiceNames)
            {
                options.Services.Map(name, r => r.Tags.Contains(Ready));
            }
        });
        return builder;
    }

    /// <summary>The service's database counts for its health: unreachable → NOT_SERVING.</summary>
    public static WebApplicationBuilder AddDatabaseHealth<TContext>(this WebApplicationBuilder builder, string name)
        where TContext : DbContext
    {
        // A real round trip, not CanConnectAsync: with connection pooling that takes an idle connection and
        // answers true long after the server went away.
        builder.Services.AddHealthChecks().AddDbContextCheck<TContext>(
            $"database-{name.ToLowerInvariant()}", HealthStatus.Unhealthy, [Ready],
            customTestQuery: async (db, ct) =>
            {
                await db.Database.ExecuteSqlRawAsync("SELECT 1", ct);
                return true;
            });
        return builder;
    }
}
