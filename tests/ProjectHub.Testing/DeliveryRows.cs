using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProjectHub.Hosting.Messaging;

namespace ProjectHub.Testing;

/// <summary>Outbox and inbox rows at chosen instants, for the retention tests on SQLite and on PostgreSQL.</summary>
public static class DeliveryRows
{
    private static long _sequence;

    public static OutboxMessage Sent(DateTimeOffset sentAt) => new()
    {
        Id = Guid.NewGuid(),
        Sequence = Interlocked.Increment(ref _sequence),
        Type = "ProjectHub.Tests.Retention",
        Payload = "{}",
        OccurredAt = sentAt - TimeSpan.FromSeconds(1),
        SentAt = sentAt,
        Attempts = 1,
    };

    public static OutboxMessage Unsent(DateTimeOffset occurredAt) => new()
    {
        Id = Guid.NewGuid(),
        Sequence = Interlocked.Increment(ref _sequence),
        Type = "ProjectHub.Tests.Retention",
        Payload = "{}",
        OccurredAt = occurredAt,
    };

    public static ProcessedMessage Processed(DateTimeOffset processedAt) =>
        new() { MessageId = Guid.NewGuid(), Consumer = "retention-test", ProcessedAt = processedAt };

    public static async Task AddAsync<TContext>(WebApplication app, OutboxMessage[] outbox, ProcessedMessage[] inbox)
        where TContext : DbContext
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        db.Set<OutboxMessage>().AddRange(outbox);
        db.Set<ProcessedMessage>().AddRange(inbox);
        await db.SaveChangesAsync();
    }
}
