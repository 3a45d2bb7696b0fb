using System.Collections.Concurrent;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using ProjectHub.Contracts.Approval;
using ProjectHub.Hosting.Messaging;

namespace ProjectHub.Infrastructure.Tests;

// Small copies of the ProjectHub.Hosting.Tests types (a test project does not reference another one).

public sealed class TestDbContext(DbContextOptions<TestDbContext> options) : DbContext(options)
{
    public DbSet<Note> Notes => Set<Note>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.AddOutboxAndInbox();
}

public sealed class Note
{
    public int Id { get; set; }

    public string Text { get; set; } = "";
}

/// <summary>What the consumers saw: every delivery, and each event's applied effects.</summary>
public sealed class Ledger
{
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource<ApprovalsCompleted>> _received = new();

    public ConcurrentDictionary<Guid, int> Deliveries { get; } = new();

    public ConcurrentDictionary<Guid, int> Effects { get; } = new();

    public void Received(ApprovalsCompleted evt)
    {
        Deliveries.AddOrUpdate(evt.EventId, 1, (_, n) => n + 1);
        Slot(evt.EventId).TrySetResult(evt);
    }

    public void Applied(Guid eventId) => Effects.AddOrUpdate(eventId, 1, (_, n) => n + 1);

    public Task<ApprovalsCompleted> WaitForAsync(Guid id, TimeSpan timeout) => Slot(id).Task.WaitAsync(timeout);

    private TaskCompletionSource<ApprovalsCompleted> Slot(Guid id) =>
        _received.GetOrAdd(id, _ => new TaskCompletionSource<ApprovalsCompleted>(TaskCreationOptions.RunContinuationsAsynchronously));
}

/// <summary>Records what it receives (queue "completed").</summary>
public sealed class CompletedConsumer(Ledger ledger) : IConsumer<ApprovalsCompleted>
{
    public Task Consume(ConsumeContext<ApprovalsCompleted> context)
    {
        Assert.Equal(context.Message.EventId, context.MessageId);
        ledger.Received(context.Message);
        return Task.CompletedTask;
    }
}

/// <summary>Idempotent through the inbox: the effect is applied once per event whatever the redeliveries (queue "inbox").</summary>
public sealed class InboxConsumer(Ledger ledger, TestDbContext db) : IConsumer<ApprovalsCompleted>
{
    public async Task Consume(ConsumeContext<ApprovalsCompleted> context)
    {
        ledger.Received(context.Message);
        if (await db.TryMarkProcessedAsync(context.Message.EventId, nameof(InboxConsumer), DateTimeOffset.UtcNow, context.CancellationToken))
        {
            await db.SaveChangesAsync(context.CancellationToken);
            ledger.Applied(context.Message.EventId);
        }
    }
}

/// <summary>Always fails on project "poison" (queue "poison").</summary>
public sealed class PoisonConsumer(Ledger ledger) : IConsumer<ApprovalsCompleted>
{
    public Task Consume(ConsumeContext<ApprovalsCompleted> context)
    {
        if (context.Message.ProjectId == "poison")
        {
            throw new InvalidOperationException("poison message " + context.Message.EventId);
        }

        ledger.Received(context.Message);
        return Task.CompletedTask;
    }
}
