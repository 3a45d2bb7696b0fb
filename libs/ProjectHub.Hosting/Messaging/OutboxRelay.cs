using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ProjectHub.Contracts;

namespace ProjectHub.Hosting.Messaging;

/// <summary>
/// Wakes a service's relay as soon as a unit of work with events committed, instead of waiting for the next poll.
/// One wake-up per database context type: in the embedded host three relays share this singleton, and a commit in
/// the registry must wake the registry's relay, not whichever relay happened to be waiting.
/// </summary>
public sealed class OutboxSignal
{
    private readonly ConcurrentDictionary<Type, SemaphoreSlim> _signals = new();

    public void Notify(Type context)
    {
        var signal = For(context);
        if (signal.CurrentCount == 0)
        {
            try
            {
                signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another thread signalled first; one pending wake-up is enough.
            }
        }
    }

    /// <summary>True when woken, false when the timeout passed first.</summary>
    public Task<bool> WaitAsync(Type context, TimeSpan timeout, CancellationToken cancellationToken) =>
        For(context).WaitAsync(timeout, cancellationToken);

    private SemaphoreSlim For(Type context) => _signals.GetOrAdd(context, _ => new SemaphoreSlim(0, 1));
}

/// <summary>
/// Publishes a service's outbox in order and marks each message sent after the bus confirmed it. A failure leaves
/// the message unsent for the next round (at-least-once; consumers are idempotent).
/// </summary>
internal sealed partial class OutboxRelay<TContext>(
    IServiceScopeFactory scopes,
    OutboxSignal signal,
    TimeProvider time,
    ILogger<OutboxRelay<TContext>> logger) : BackgroundService
    where TContext : DbContext
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox relay for {Context} failed; retrying")]
    private static partial void RelayFailed(ILogger logger, Exception exception, string context);

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
                RelayFailed(logger, ex, typeof(TContext).Name);
                published = 0;
            }

            if (published < BatchSize)
            {
                await signal.WaitAsync(typeof(TContext), PollInterval, stoppingToken);
            }
        }
    }

    internal async Task<int> PublishBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<TContext>();
        var publisher = scope.ServiceProvider.GetRequiredService<IOutboxPublisher>();
        // Untracked, and marked sent with one UPDATE per batch: a SaveChanges per message (each its own commit,
        // each re-scanning every tracked row) was most of the relay's cost under load.
        var pending = await context.Set<OutboxMessage>()
            .AsNoTracking()
            .Where(m => m.SentAt == null)
            .OrderBy(m => m.Sequence)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        var published = new List<Guid>(pending.Count);
        try
        {
            foreach (var message in pending)
            {
                var type = EventTypes.GetOrAdd(message.Type, name => typeof(IIntegrationEvent).Assembly.GetType(name))
                    ?? throw new InvalidOperationException($"Outbox message {message.Id} has unknown type {message.Type}.");
                var payload = JsonSerializer.Deserialize(message.Payload, type, OutboxJson.Options)!;
                using var activity = StartPublishActivity(message);
                await publisher.PublishAsync(payload, type, message.Id, cancellationToken);
                published.Add(message.Id);
            }
        }
        catch when (published.Count > 0)
        {
            // Keep what the bus already confirmed, so only the failed message and those after it go again.
            await MarkSentAsync(context, published, CancellationToken.None);
            throw;
        }

        if (published.Count > 0)
        {
            await MarkSentAsync(context, published, cancellationToken);
        }

        return pending.Count;
    }

    private static readonly ConcurrentDictionary<string, Type?> EventTypes = new(StringComparer.Ordinal);

    private Task<int> MarkSentAsync(TContext context, List<Guid> ids, CancellationToken cancellationToken)
    {
        var sentAt = time.GetUtcNow();
        return context.Set<OutboxMessage>()
            .Where(m => ids.Contains(m.Id))
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.SentAt, sentAt)
                .SetProperty(m => m.Attempts, m => m.Attempts + 1), cancellationToken);
    }

    private static Activity? StartPublishActivity(OutboxMessage message) =>
        message.TraceParent is not null && ActivityContext.TryParse(message.TraceParent, null, out var parent)
            ? OutboxDiagnostics.ActivitySource.StartActivity($"outbox publish {message.Type}", ActivityKind.Producer, parent)
            : null;
}

internal static class OutboxDiagnostics
{
    public const string SourceName = "ProjectHub.Outbox";

    public static readonly ActivitySource ActivitySource = new(SourceName, "1.0.0");
}
