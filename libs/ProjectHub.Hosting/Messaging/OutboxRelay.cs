using System.Diagnostics;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ProjectHub.Contracts;

namespace ProjectHub.Hosting.Messaging;

/// <summary>Wakes the relays as soon as a unit of work with events committed, instead of waiting for the next poll.</summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        if (_signal.CurrentCount == 0)
        {
            try
            {
                _signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another thread signalled first; one pending wake-up is enough.
            }
        }
    }

    /// <summary>True when woken, false when the timeout passed first.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}

/// <summary>
/// Publishes a service's outbox in order and marks each message sent after the bus confirmed it. A failure leaves
/// the message unsent for the next round (at-least-once; consumers are idempotent).
/// </summary>
internal sealed class OutboxRelay<TContext>(
    IServiceScopeFactory scopes,
    OutboxSignal signal,
    TimeProvider time,
    ILogger<OutboxRelay<TContext>> logger) : BackgroundService
    where TContext : DbContext
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);
    private const int BatchSize = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            int published;
            try
            {
                published = await PublishBatchAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Outbox relay for {Context} failed; retrying", typeof(TContext).Name);
                published = 0;
            }

            if (published < BatchSize)
            {
                await signal.WaitAsync(PollInterval, stoppingToken);
            }
        }
    }

    internal async Task<int> PublishBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<TContext>();
        var publisher = scope.ServiceProvider.GetRequiredService<IPublishEndpoint>();
        var pending = await context.Set<OutboxMessage>()
            .Where(m => m.SentAt == null)
            .OrderBy(m => m.Sequence)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        foreach (var message in pending)
        {
            var type = typeof(IIntegrationEvent).Assembly.GetType(message.Type)
                ?? throw new InvalidOperationException($"Outbox message {message.Id} has unknown type {message.Type}.");
            var payload = JsonSerializer.Deserialize(message.Payload, type, OutboxJson.Options)!;
            using var activity = StartPublishActivity(message);
            await publisher.Publish(payload, type, context => context.MessageId = message.Id, cancellationToken);
            message.SentAt = time.GetUtcNow();
            message.Attempts++;
            await context.SaveChangesAsync(cancellationToken);
        }

        return pending.Count;
    }

    private static Activity? StartPublishActivity(OutboxMessage message) =>
        message.TraceParent is not null && ActivityContext.TryParse(message.TraceParent, null, out var parent)
            ? OutboxDiagnostics.ActivitySource.StartActivity($"outbox publish {message.Type}", ActivityKind.Producer, parent)
            : null;
}

internal static class OutboxDiagnostics
{
    public static readonly ActivitySource ActivitySource = new("ProjectHub.Outbox", "1.0.0");
}
