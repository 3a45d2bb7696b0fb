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

    /// <summary>
    /// gRPC health for the whole server (""), from every check tagged <see cref="Ready"/>; part of the defaults of
    /// every host.
    /// </summary>
    public static WebApplicationBuilder AddProjectHubHealth(this WebApplicationBuilder builder)
    {
        builder.Services.AddGrpcHealthChecks(options => options.Services.Map("", r => r.Tags.Contains(Ready)));
        var period = builder.Configuration.GetValue("Health:CheckPeriod", TimeSpan.FromSeconds(5));
        builder.Services.Configure<HealthCheckPublisherOptions>(options =>
        {
            options.Delay = TimeSpan.Zero;
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
        builder.Services.AddHealthChecks().AddDbContextCheck<TContext>($"database-{name.ToLowerInvariant()}", HealthStatus.Unhealthy, [Ready]);
        return builder;
    }
}
