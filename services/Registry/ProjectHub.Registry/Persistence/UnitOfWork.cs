namespace ProjectHub.Registry.Persistence;

/// <summary>
/// One use case's writes in one transaction: the change is saved first so the light rules (which read the
/// database) see it, then the light step's writes and all outbox events are saved, then everything commits at
/// once. A failure anywhere leaves nothing behind.
/// </summary>
public sealed class UnitOfWork(RegistryDbContext db)
{
    public async Task<T> RunAsync<T>(Func<Task<T>> work, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var result = await work();
        await db.SaveChangesAsync(ct);
        // Committing wakes the outbox relay (Hosting's OutboxSignalInterceptor).
        await transaction.CommitAsync(ct);
        return result;
    }
}
