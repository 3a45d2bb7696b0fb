using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ProjectHub.Grpc.Health;
using ProjectHub.Grpc.Reflection;
using ProjectHub.Grpc.Server;

namespace ProjectHub.Grpc;

public static class GrpcServerExtensions
{
    /// <summary>Adds the gRPC server core with health checking and (unless disabled) reflection.</summary>
    public static IServiceCollection AddGrpcServer(this IServiceCollection services, Action<GrpcServerOptions>? configure = null)
    {
        var options = services.AddOptions<GrpcServerOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<HealthStatusRegistry>();
        services.TryAddSingleton<ReflectionResolver>();
        services.TryAddScoped<HealthService>();
        services.TryAddScoped<ReflectionV1Service>();
        services.TryAddScoped<ReflectionV1AlphaService>();
        services.AddHostedService<HealthLifetimeService>();
        services.TryAddSingleton(provider =>
        {
            var builtIn = new List<GrpcServiceRegistration> { new(typeof(HealthService), null) };
            if (provider.GetRequiredService<IOptions<GrpcServerOptions>>().Value.EnableReflection)
            {
                builtIn.Add(new(typeof(ReflectionV1Service), null));
                builtIn.Add(new(typeof(ReflectionV1AlphaService), null));
            }

            return new ServiceCatalog(builtIn.Concat(provider.GetServices<GrpcServiceRegistration>()));
        });
        return services;
    }

    /// <summary>
    /// Serves the [GrpcService] class <typeparamref name="TService"/> (one instance per call, from DI), on every port
    /// or only on <paramref name="port"/>.
    /// </summary>
    public static IServiceCollection AddGrpcService<TService>(this IServiceCollection services, int? port = null)
        where TService : class
    {
        services.TryAddScoped<TService>();
        services.AddSingleton(new GrpcServiceRegistration(typeof(TService), port));
        return services;
    }

    /// <summary>
    /// Serves gRPC requests (content type application/grpc) from the registered services. Binds every service now,
    /// so a method missing or mistyped stops start-up with a list of what is wrong.
    /// </summary>
    public static IApplicationBuilder UseGrpcServices(this IApplicationBuilder app)
    {
        app.ApplicationServices.GetRequiredService<ServiceCatalog>();
        return app.UseMiddleware<GrpcDispatcher>();
    }
}
