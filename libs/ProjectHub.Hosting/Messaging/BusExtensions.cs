using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ProjectHub.Hosting.Messaging;

public static class BusExtensions
{
    /// <summary>Runs an outbox relay for a service database (call once per DbContext that publishes events).</summary>
    public static WebApplicationBuilder AddOutboxRelay<TContext>(this WebApplicationBuilder builder)
        where TContext : DbContext
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<OutboxSignal>();
        builder.Services.AddHostedService<OutboxRelay<TContext>>();
        return builder;
    }

    /// <summary>Registers a bus consumer; the bus is built once by <see cref="AddProjectHubBus"/>.</summary>
    public static WebApplicationBuilder AddBusConsumer<TConsumer>(this WebApplicationBuilder builder)
        where TConsumer : class, IConsumer
    {
        builder.Services.AddSingleton(new ConsumerRegistration(typeof(TConsumer)));
        return builder;
    }

    /// <summary>
    /// Builds the one bus of the process with every registered consumer. "Bus:Transport" is InMemory (default, the
    /// embedded single-process shape) or RabbitMq ("Bus:RabbitMq:Host", Port, VirtualHost, Username, Password).
    /// Call after all services were added.
    /// </summary>
    public static WebApplicationBuilder AddProjectHubBus(this WebApplicationBuilder builder)
    {
        var consumers = builder.Services
            .Where(d => d.ServiceType == typeof(ConsumerRegistration) && d.ImplementationInstance is ConsumerRegistration)
            .Select(d => ((ConsumerRegistration)d.ImplementationInstance!).ConsumerType)
            .ToList();
        var transport = builder.Configuration["Bus:Transport"] ?? "InMemory";
        builder.Services.AddMassTransit(bus =>
        {
            bus.SetKebabCaseEndpointNameFormatter();
            foreach (var consumer in consumers)
            {
                bus.AddConsumer(consumer);
            }

            if (transport.Equals("RabbitMq", StringComparison.OrdinalIgnoreCase))
            {
                var rabbit = builder.Configuration.GetSection("Bus:RabbitMq");
                bus.UsingRabbitMq((context, cfg) =>
                {
                    cfg.Host(rabbit["Host"] ?? "127.0.0.1", rabbit.GetValue<ushort?>("Port") ?? 5672, rabbit["VirtualHost"] ?? "/", host =>
                    {
                        host.Username(rabbit["Username"] ?? "guest");
                        host.Password(rabbit["Password"] ?? "guest");
                    });
                    ConfigureReliability(cfg);
                    cfg.ConfigureEndpoints(context);
                });
            }
            else if (transport.Equals("InMemory", StringComparison.OrdinalIgnoreCase))
            {
                bus.UsingInMemory((context, cfg) =>
                {
                    ConfigureReliability(cfg);
                    cfg.ConfigureEndpoints(context);
                });
            }
            else
            {
                throw new InvalidOperationException($"Bus:Transport must be InMemory or RabbitMq, not '{transport}'.");
            }
        });
        return builder;
    }

    /// <summary>Retries a failing message a few times before it goes to the endpoint's _error queue.</summary>
    private static void ConfigureReliability(IBusFactoryConfigurator cfg) =>
        cfg.UseMessageRetry(retry => retry.Intervals(100, 500, 2000));

    private sealed record ConsumerRegistration(Type ConsumerType);
}
