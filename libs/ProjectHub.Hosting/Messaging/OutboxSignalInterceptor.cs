using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ProjectHub.Hosting.Messaging;

/// <summary>
/// Wakes the outbox relays right after a unit of work that added outbox rows committed, so events leave within
/// milliseconds instead of at the next poll — without every use case having to remember to do it.
/// </summary>
internal sealed class OutboxSignalInterceptor(OutboxSignal signal) : SaveChangesInterceptor
{
    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Remember(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Remember(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        NotifyIfQueued(eventData.Context);
        return base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        NotifyIfQueued(eventData.Context);
        return base.SavedChanges(eventData, result);
    }

    private static readonly ConditionalWeakTable<DbContext, object> Pending = new();
    private static readonly object Marker = new();

    private static void Remember(DbContext? context)
    {
        if (context is not null && context.ChangeTracker.Entries<OutboxMessage>().Any(e => e.State == EntityState.Added))
        {
            Pending.AddOrUpdate(context, Marker);
        }
    }

    private void NotifyIfQueued(DbContext? context)
    {
        // Inside an explicit transaction the rows are not visible until commit; the relay's poll picks them up then.
        if (context is not null && Pending.Remove(context) && context.Database.CurrentTransaction is null)
        {
            signal.Notify();
        }
    }
}
