using Microsoft.EntityFrameworkCore;

namespace ProjectHub.Hosting.Database;

/// <summary>
/// Creates a service's schema from its model on first start. EF Core's migration tooling (the Design package) is
/// not restorable from this environment's package copy, so schema upgrades are not automated yet; see
/// docs/decisions/0003-schema-creation.md.
/// </summary>
internal static class SchemaInitializer
{
    public static async Task InitializeAsync(DbContext context, CancellationToken cancellationToken)
    {
        await context.Database.EnsureCreatedAsync(cancellationToken);
        if (context.Database.IsSqlite())
        {
            // WAL lets the outbox relay read while requests write; busy_timeout waits instead of failing at once.
            await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }
}
