using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProjectHub.Contracts;

namespace ProjectHub.Hosting.Messaging;

public static class OutboxModelExtensions
{
    /// <summary>Adds the outbox and inbox tables to a service's model. Call from OnModelCreating.</summary>
    public static ModelBuilder AddOutboxAndInbox(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxMessage>(entity =>
        {
            entity.ToTable("outbox_messages");
            entity.HasKey(m => m.Id);
            entity.Property(m => m.Sequence).ValueGeneratedNever();
            entity.HasIndex(m => new { m.SentAt, m.Sequence });
            entity.Property(m => m.Type).HasMaxLength(300);
        });
        modelBuilder.Entity<ProcessedMessage>(entity =>
        {
            entity.ToTable("processed_messages");
            entity.HasKey(m => new { m.MessageId, m.Consumer });
            entity.Property(m => m.Consumer).HasMaxLength(200);
        });
        return modelBuilder;
    }

    /// <summary>
    /// Queues an integration event in the outbox of this unit of work; it is published after SaveChanges commits.
    /// </summary>
    public static void AddIntegrationEvent<TEvent>(this DbContext context, TEvent integrationEvent)
        where TEvent : IIntegrationEvent
    {
        context.Set<OutboxMessage>().Add(new OutboxMessage
        {
            Id = integrationEvent.EventId,
            Sequence = OutboxSequence.Next(),
            Type = typeof(TEvent).FullName!,
            Payload = JsonSerializer.Serialize(integrationEvent, OutboxJson.Options),
            OccurredAt = integrationEvent.OccurredAt,
            TraceParent = Activity.Current?.Id,
        });
    }

    /// <summary>True (and recorded) the first time this consumer sees the message; false for a redelivery.</summary>
    public static async Task<bool> TryMarkProcessedAsync(
        this DbContext context, Guid messageId, string consumer, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var seen = await context.Set<ProcessedMessage>()
            .AnyAsync(m => m.MessageId == messageId && m.Consumer == consumer, cancellationToken);
        if (seen)
        {
            return false;
        }

        context.Set<ProcessedMessage>().Add(new ProcessedMessage { MessageId = messageId, Consumer = consumer, ProcessedAt = now });
        return true;
    }
}

/// <summary>
/// Monotonic ordering key: microseconds since the epoch, bumped to stay strictly increasing within the process.
/// Across replicas it orders by time, which is what consumers need (they are idempotent, not order-sensitive).
/// </summary>
internal static class OutboxSequence
{
    private static long _last;

    public static long Next()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1000;
        while (true)
        {
            var last = Interlocked.Read(ref _last);
            var next = Math.Max(now, last + 1);
            if (Interlocked.CompareExchange(ref _last, next, last) == last)
            {
                return next;
            }
        }
    }
}

internal static class OutboxJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
