using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ProjectHub.Hosting.Messaging;

public static class BusExtensions
{
    /// <summary>
    /// Runs an outbox relay for a service database (call once per DbContext that publishes events), and the retention
    /// of its delivery tables (<see cref="DeliveryRetention{TContext}"/>, "Messaging:Retention:*", checked here).
    /// </summary>
    public static WebApplicationBuilder AddOutboxRelay<TContext>(this WebApplicationBuilder builder)
        where TContext : DbContext
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<OutboxSignal>();
        builder.Services.AddHostedService<OutboxRelay<TContext>>();
        builder.Services.AddHostedService<Observability.OutboxBacklogSampler<TContext>>();
        builder.Services.TryAddSingleton(DeliveryRetentionSettings.From(builder.Configuration));
        builder.Services.AddHostedService<DeliveryRetention<TContext>>();
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
    /// Builds the service's bus with every registered consumer. "Bus:Transport" is InMemory (default: the embedded
    /// default, where <see cref="InProcessBuses"/> joins the services' buses, and tests) or RabbitMq ("Bus:RabbitMq:Host", Port, VirtualHost, Username, Password;
    /// "Bus:RabbitMq:QueueType" Quorum (default) or Classic; "Bus:RabbitMq:PublisherConfirmation", default true;
    /// "Bus:PrefetchCount", default 16; "Bus:RetryIntervalsMs", default "100,500,2000"). InMemory ignores those.
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
            // MassTransit's own check stays for diagnostics; readiness uses BrokerHealthCheck (RabbitMQ only).
            bus.ConfigureHealthCheckOptions(check =>
            {
                check.Tags.Clear();
                check.Tags.Add("masstransit");
            });
            bus.AddPublishObserver<Observability.PublishMetricsObserver>();
            bus.AddConsumeObserver<Observability.ConsumeMetricsObserver>();
            foreach (var consumer in consumers)
            {
                bus.AddConsumer(consumer);
            }

            if (transport.Equals("RabbitMq", StringComparison.OrdinalIgnoreCase))
            {
                var rabbit = builder.Configuration.GetSection("Bus:RabbitMq");
                var options = RabbitMqEndpointOptions.From(builder.Configuration);
                bus.AddConfigureEndpointsCallback((_, endpoint) => options.Apply(endpoint));
                bus.UsingRabbitMq((context, cfg) =>
                {
                    cfg.Host(rabbit["Host"] ?? "127.0.0.1", rabbit.GetValue<ushort?>("Port") ?? 5672, rabbit["VirtualHost"] ?? "/", host =>
                    {
                        host.Username(rabbit["Username"] ?? "guest");
                        host.Password(rabbit["Password"] ?? "guest");
                        // MassTransit's default, made explicit: Publish completes only once the broker confirmed the
                        // message, which is what lets the outbox relay mark a row sent.
                        host.PublisherConfirmation = rabbit.GetValue<bool?>("PublisherConfirmation") ?? true;
                    });
                    cfg.PrefetchCount = options.PrefetchCount;
                    ConfigureRabbitMqReliability(cfg, options);
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

        if (transport.Equals("RabbitMq", StringComparison.OrdinalIgnoreCase))
        {
            builder.Services.AddHealthChecks().AddCheck<Health.BrokerHealthCheck>("broker", HealthStatus.Unhealthy, [Health.HealthExtensions.Ready]);
        }

        var inProcess = transport.Equals("InMemory", StringComparison.OrdinalIgnoreCase)
            && builder.Services.Any(d => d.ServiceType == typeof(InProcessBuses));
        if (inProcess)
        {
            // The group publishes only once every member bus is listening (InProcessBuses.PublishAsync).
            builder.Services.Configure<MassTransitHostOptions>(options => options.WaitUntilStarted = true);
            builder.Services.AddHostedService<InProcessBusMember>();
            builder.Services.AddSingleton<IOutboxPublisher, InProcessOutboxPublisher>();
        }
        else
        {
            builder.Services.AddScoped<IOutboxPublisher, BusOutboxPublisher>();
        }

        return builder;
    }

    /// <summary>Retries a failing message a few times before it goes to the endpoint's _error queue.</summary>
    private static void ConfigureReliability(IBusFactoryConfigurator cfg) =>
        cfg.UseMessageRetry(retry => retry.Intervals(100, 500, 2000));

    /// <summary>
    /// RabbitMQ: in-process retries with the configured intervals ("Bus:RetryIntervalsMs", default 100,500,2000),
    /// then the message moves to the endpoint's "&lt;queue&gt;_error" queue with MT-Fault-* exception headers
    /// (MassTransit's default error transport). There is no delayed redelivery: RabbitMQ 3.10 from Debian has no
    /// delayed-message-exchange plugin and we run no Quartz/Hangfire scheduler, so redelivery after minutes is a
    /// manual move from the _error queue (see docs/decisions/0004-own-outbox-and-inbox.md).
    /// </summary>
    private static void ConfigureRabbitMqReliability(IBusFactoryConfigurator cfg, RabbitMqEndpointOptions options) =>
        cfg.UseMessageRetry(retry => retry.Intervals(options.RetryIntervals));

    /// <summary>Receive endpoint settings for RabbitMQ, read from configuration once per bus.</summary>
    private sealed record RabbitMqEndpointOptions(int PrefetchCount, bool QuorumQueues, TimeSpan[] RetryIntervals)
    {
        public static RabbitMqEndpointOptions From(ConfigurationManager configuration)
        {
            var prefetch = configuration.GetValue<int?>("Bus:PrefetchCount") ?? 16;
            if (prefetch < 1)
            {
                throw new InvalidOperationException($"Bus:PrefetchCount must be at least 1, not {prefetch}.");
            }

            var queueType = configuration["Bus:RabbitMq:QueueType"] ?? "Quorum";
            var quorum = queueType.Equals("Quorum", StringComparison.OrdinalIgnoreCase)
                || (queueType.Equals("Classic", StringComparison.OrdinalIgnoreCase)
                    ? false
                    : throw new InvalidOperationException($"Bus:RabbitMq:QueueType must be Quorum or Classic, not '{queueType}'."));
            var intervals = (configuration["Bus:RetryIntervalsMs"] ?? "100,500,2000")
                .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(ms => TimeSpan.FromMilliseconds(int.Parse(ms, System.Globalization.CultureInfo.InvariantCulture)))
                .ToArray();
            return new RabbitMqEndpointOptions(prefetch, quorum, intervals);
        }

        public void Apply(IReceiveEndpointConfigurator endpoint)
        {
            if (endpoint is not IRabbitMqReceiveEndpointConfigurator rabbit)
            {
                return;
            }

            rabbit.PrefetchCount = PrefetchCount;
            if (QuorumQueues)
            {
                // Replicated, durable, poison-aware queues (RabbitMQ 3.8+); on one node they still survive restarts.
                rabbit.SetQuorumQueue();
            }
        }
    }

    private sealed record ConsumerRegistration(Type ConsumerType);
}
