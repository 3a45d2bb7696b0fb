using System.Text;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using ProjectHub.Contracts.Approval;
using ProjectHub.Hosting.Database;
using ProjectHub.Hosting.Messaging;
using RabbitMQ.Client;

namespace ProjectHub.Infrastructure.Tests;

/// <summary>The outbox, relay, inbox and bus settings of ProjectHub.Hosting against real RabbitMQ and PostgreSQL processes.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class MessagingTests(InfrastructureFixture infra) : IAsyncLifetime
{
    private readonly List<WebApplication> _apps = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var app in _apps)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            try
            {
                await app.StopAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                // A bus that cannot reach a stopped broker; the process ends anyway.
            }

            await app.DisposeAsync();
        }
    }

    [Fact]
    public async Task The_outbox_relay_publishes_over_RabbitMQ_and_marks_the_row_sent_on_PostgreSQL()
    {
        var app = await StartAppAsync("relay", services => services.AddBusConsumer<CompletedConsumer>());
        var evt = new ApprovalsCompleted(Guid.NewGuid(), DateTimeOffset.UtcNow, "P-1", "C-1");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TestDbContext>();
            db.Notes.Add(new Note { Id = 1, Text = "state change" });
            db.AddIntegrationEvent(evt);
            await db.SaveChangesAsync();
        }

        app.Services.GetRequiredService<OutboxSignal>().Notify(typeof(TestDbContext));
        var received = await app.Services.GetRequiredService<Ledger>().WaitForAsync(evt.EventId, TimeSpan.FromSeconds(20));
        Assert.Equal("P-1", received.ProjectId);
        await WaitUntilAsync(TimeSpan.FromSeconds(15), async () =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            var row = await scope.ServiceProvider.GetRequiredService<TestDbContext>().Set<OutboxMessage>().SingleAsync();
            return row.Id == evt.EventId && row.SentAt is not null;
        });
    }

    [Fact]
    public async Task Stopping_RabbitMQ_while_events_are_saved_loses_none_and_applies_none_twice()
    {
        const int total = 120;
        var app = await StartAppAsync("outage", services => services.AddBusConsumer<InboxConsumer>());
        var ledger = app.Services.GetRequiredService<Ledger>();
        var saved = new List<Guid>();

        async Task SaveAsync(int count)
        {
            for (var i = 0; i < count; i++)
            {
                var evt = new ApprovalsCompleted(Guid.NewGuid(), DateTimeOffset.UtcNow, $"P-{saved.Count}", "C");
                await using var scope = app.Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<TestDbContext>();
                db.AddIntegrationEvent(evt);
                await db.SaveChangesAsync();
                saved.Add(evt.EventId);
                app.Services.GetRequiredService<OutboxSignal>().Notify(typeof(TestDbContext));
                await Task.Delay(10);
            }
        }

        // Saving continues while the broker goes down, stays down and comes back.
        await SaveAsync(40);
        var stopping = infra.StopRabbitMqAsync();
        await SaveAsync(40);
        await stopping;
        await SaveAsync(20);
        var waitingForBroker = saved.Count(id => !ledger.Effects.ContainsKey(id));
        Assert.True(waitingForBroker >= 20, $"only {waitingForBroker} events waited for the broker: was it down?");
        var starting = infra.StartRabbitMqAsync();
        await SaveAsync(20);
        await starting;
        Assert.Equal(total, saved.Count);

        await WaitUntilAsync(TimeSpan.FromSeconds(75), () => Task.FromResult(saved.All(ledger.Effects.ContainsKey)));
        await WaitUntilAsync(TimeSpan.FromSeconds(15), async () =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            return !await scope.ServiceProvider.GetRequiredService<TestDbContext>().Set<OutboxMessage>().AnyAsync(m => m.SentAt == null);
        });
        await Task.Delay(500); // a late redelivery would show up here

        var lost = saved.Count(id => !ledger.Effects.ContainsKey(id));
        var appliedTwice = ledger.Effects.Count(e => e.Value > 1);
        var unknown = ledger.Effects.Keys.Count(id => !saved.Contains(id));
        Assert.Equal((0, 0, 0), (lost, appliedTwice, unknown));
        await using var check = app.Services.CreateAsyncScope();
        Assert.Equal(total, await check.ServiceProvider.GetRequiredService<TestDbContext>().Set<ProcessedMessage>().CountAsync());
    }

    [Fact]
    public async Task A_poison_message_goes_to_the_error_queue_with_its_exception_and_does_not_block_the_next()
    {
        // Prefetch 1: the good message can only be consumed once the poison one has left the queue.
        var app = await StartAppAsync("poison", services => services.AddBusConsumer<PoisonConsumer>(), prefetch: 1);
        var poison = new ApprovalsCompleted(Guid.NewGuid(), DateTimeOffset.UtcNow, "poison", "C");
        var good = new ApprovalsCompleted(Guid.NewGuid(), DateTimeOffset.UtcNow, "good", "C");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TestDbContext>();
            db.AddIntegrationEvent(poison);
            await db.SaveChangesAsync();
            db.AddIntegrationEvent(good);
            await db.SaveChangesAsync();
        }

        app.Services.GetRequiredService<OutboxSignal>().Notify(typeof(TestDbContext));
        var ledger = app.Services.GetRequiredService<Ledger>();
        await ledger.WaitForAsync(good.EventId, TimeSpan.FromSeconds(30));
        Assert.False(ledger.Deliveries.ContainsKey(poison.EventId));

        var queue = KebabCaseEndpointNameFormatter.Instance.Consumer<PoisonConsumer>() + "_error";
        var factory = new ConnectionFactory
        {
            HostName = "127.0.0.1", Port = infra.RabbitMqPort, VirtualHost = _virtualHosts["poison"], UserName = "guest", Password = "guest",
        };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        BasicGetResult? faulted = null;
        await WaitUntilAsync(TimeSpan.FromSeconds(15), async () => (faulted = await channel.BasicGetAsync(queue, autoAck: false)) is not null);
        var headers = faulted!.BasicProperties.Headers!;
        Assert.Equal(poison.EventId.ToString(), faulted.BasicProperties.MessageId);
        Assert.Equal(typeof(InvalidOperationException).FullName, Header(headers, "MT-Fault-ExceptionType"));
        Assert.Contains("poison message", Header(headers, "MT-Fault-Message"));
        Assert.Null(await channel.BasicGetAsync(queue, autoAck: false)); // only the poison one

        // The receive endpoint's queue is a quorum queue (Hosting's RabbitMQ default).
        var queues = await infra.RabbitMqCtlAsync("-q", "list_queues", "-p", _virtualHosts["poison"], "name", "type");
        Assert.Contains(queues.Split('\n'), line => line.Split('\t', StringSplitOptions.TrimEntries) is [var n, "quorum"] && n == queue[..^"_error".Length]);
    }

    [Fact]
    public async Task InitializeDatabasesAsync_creates_the_schema_on_PostgreSQL()
    {
        var database = "schema_" + Guid.NewGuid().ToString("N")[..8];
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration["Database:Test:Provider"] = "Postgres";
        builder.Configuration["Database:Test:ConnectionString"] = infra.PostgresConnectionString(database);
        builder.AddServiceDatabase<TestDbContext>("Test");
        await using var app = builder.Build();

        await app.Services.InitializeDatabasesAsync();
        await app.Services.InitializeDatabasesAsync(); // a second start finds it in place

        await using var connection = new NpgsqlConnection(infra.PostgresConnectionString(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select table_name from information_schema.tables where table_schema = 'public' order by table_name", connection);
        var tables = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        Assert.Equal(["Notes", "outbox_messages", "processed_messages"], tables);
    }

    private readonly Dictionary<string, string> _virtualHosts = new();

    private async Task<WebApplication> StartAppAsync(string name, Action<WebApplicationBuilder> addConsumers, int? prefetch = null)
    {
        var virtualHost = await infra.CreateVirtualHostAsync(name);
        _virtualHosts[name] = virtualHost;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        // No endpoints are needed; a fixed default port would collide with test projects running in parallel.
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration["Database:Test:Provider"] = "Postgres";
        builder.Configuration["Database:Test:ConnectionString"] = infra.PostgresConnectionString(virtualHost.Replace('-', '_'));
        builder.Configuration["Bus:Transport"] = "RabbitMq";
        builder.Configuration["Bus:RabbitMq:Host"] = "127.0.0.1";
        builder.Configuration["Bus:RabbitMq:Port"] = infra.RabbitMqPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        builder.Configuration["Bus:RabbitMq:VirtualHost"] = virtualHost;
        builder.Configuration["Bus:RetryIntervalsMs"] = "50,100";
        if (prefetch is not null)
        {
            builder.Configuration["Bus:PrefetchCount"] = prefetch.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        builder.AddServiceDatabase<TestDbContext>("Test");
        builder.AddOutboxRelay<TestDbContext>();
        builder.Services.AddSingleton<Ledger>();
        addConsumers(builder);
        builder.AddProjectHubBus();
        // Start returns once the receive endpoints are bound: an event published before its queue is bound to the
        // exchange would have nowhere to go (in production the durable queues exist from the first deployment on).
        builder.Services.Configure<MassTransitHostOptions>(options =>
        {
            options.WaitUntilStarted = true;
            options.StartTimeout = TimeSpan.FromSeconds(30);
        });
        var app = builder.Build();
        _apps.Add(app);
        await app.Services.InitializeDatabasesAsync();
        await app.StartAsync();
        return app;
    }

    private static string Header(IDictionary<string, object?> headers, string name) =>
        headers.TryGetValue(name, out var value) ? value switch
        {
            byte[] bytes => Encoding.UTF8.GetString(bytes),
            _ => value?.ToString() ?? "",
        } : throw new Xunit.Sdk.XunitException($"header {name} missing; headers: {string.Join(", ", headers.Keys)}");

    private static async Task WaitUntilAsync(TimeSpan limit, Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + limit;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"condition not met within {limit.TotalSeconds} s");
            await Task.Delay(100);
        }
    }
}
