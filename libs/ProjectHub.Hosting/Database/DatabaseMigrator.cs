using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;

namespace ProjectHub.Hosting.Database;

/// <summary>
/// Brings a service database to the latest migration, or checks that it is there. Databases made by the releases
/// before migrations (EnsureCreated, plus the hand-run upgrade scripts of those releases) have the first migration's
/// schema but no history table: they are recognised and the first migration is recorded as applied without running
/// it, so the later ones then run as on any other database (ADR 0008).
/// </summary>
public static class DatabaseMigrator
{
    /// <summary>Applies what is pending. Safe with several replicas at once: EF Core takes a database lock around
    /// Migrate, and recording the baseline is an insert that does nothing when another replica did it first.</summary>
    /// <returns>The migrations applied by this call, oldest first (the baseline included when it was recorded).</returns>
    public static async Task<IReadOnlyList<string>> MigrateAsync(DbContext context, CancellationToken cancellationToken)
    {
        if (!context.Database.IsNpgsql())
        {
            return await MigrateLockedAsync(context, cancellationToken);
        }

        // On PostgreSQL, EF Core's own migration lock is a lock on the history table, which does not exist yet on a
        // new or pre-migrations database: two replicas would both create it (CREATE TABLE IF NOT EXISTS is not safe
        // against a concurrent one) and both apply the first migration. A session advisory lock held across the
        // whole step serialises them; the second then finds nothing left to do. (SQLite serialises DDL on the file,
        // and EF Core's lock table covers Migrate there.)
        await CreateDatabaseIfMissingAsync(context, cancellationToken);
        await context.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await context.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({MigrationLockKey})", cancellationToken);
            try
            {
                return await MigrateLockedAsync(context, cancellationToken);
            }
            finally
            {
                await context.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({MigrationLockKey})", CancellationToken.None);
            }
        }
        finally
        {
            await context.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Migrate creates a missing database itself, but the lock needs a connection to it first.</summary>
    private static async Task CreateDatabaseIfMissingAsync(DbContext context, CancellationToken cancellationToken)
    {
        var creator = context.GetService<IRelationalDatabaseCreator>();
        if (await creator.ExistsAsync(cancellationToken))
        {
            return;
        }

        try
        {
            await creator.CreateAsync(cancellationToken);
        }
        catch (Npgsql.PostgresException e) when (e.SqlState == Npgsql.PostgresErrorCodes.DuplicateDatabase)
        {
            // Another replica created it at the same moment.
        }
    }

    /// <summary>The advisory lock id of ProjectHub migrations (any constant: each service has its own database).</summary>
    private const long MigrationLockKey = 0x50484D4947; // "PHMIG"

    private static async Task<IReadOnlyList<string>> MigrateLockedAsync(DbContext context, CancellationToken cancellationToken)
    {
        var applied = new List<string>();
        if (!context.Database.GetMigrations().Any())
        {
            // A model with no migrations at all is a throw-away one (the hosting library's own tests): it is made
            // from the model. Every service context has migrations, so this never runs for a service database.
            await context.Database.EnsureCreatedAsync(cancellationToken);
        }
        else
        {
            if (await RecordBaselineIfLegacyAsync(context, cancellationToken) is { } baseline)
            {
                applied.Add(baseline + " (recorded: the schema was already there)");
            }

            var pending = (await context.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            await context.Database.MigrateAsync(cancellationToken);
            applied.AddRange(pending);
        }

        if (context.Database.IsSqlite())
        {
            // WAL lets the outbox relay read while requests write. It is a property of the file, so set it once here.
            await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        return applied;
    }

    /// <summary>The migrations this release has that the database has not applied (empty: up to date).</summary>
    public static async Task<IReadOnlyList<string>> PendingAsync(DbContext context, CancellationToken cancellationToken) =>
        (await context.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();

    private static async Task<string?> RecordBaselineIfLegacyAsync(DbContext context, CancellationToken cancellationToken)
    {
        if ((await context.Database.GetAppliedMigrationsAsync(cancellationToken)).Any())
        {
            return null;
        }

        var baseline = context.Database.GetMigrations().FirstOrDefault();
        // The first table of the model stands for the baseline schema: every release before migrations created all
        // of that migration's tables at once, so one present means all are.
        var marker = context.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Order(StringComparer.Ordinal).FirstOrDefault();
        if (baseline is null || marker is null || !await TableExistsAsync(context, marker, cancellationToken))
        {
            return null;
        }

        await context.Database.ExecuteSqlRawAsync(context.GetService<IHistoryRepository>().GetCreateIfNotExistsScript(), cancellationToken);
        var productVersion = typeof(DbContext).Assembly.GetName().Version?.ToString(3) ?? "10.0";
        // ON CONFLICT DO NOTHING (SQLite and PostgreSQL alike): a replica that got here first already recorded it.
        var inserted = await context.Database.ExecuteSqlAsync(
            $"INSERT INTO \"__EFMigrationsHistory\" (\"MigrationId\", \"ProductVersion\") VALUES ({baseline}, {productVersion}) ON CONFLICT (\"MigrationId\") DO NOTHING",
            cancellationToken);
        return inserted == 1 ? baseline : null;
    }

    private static async Task<bool> TableExistsAsync(DbContext context, string table, CancellationToken cancellationToken)
    {
        var count = context.Database.IsSqlite()
            ? context.Database.SqlQuery<long>($"SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = {table}")
            : context.Database.SqlQuery<long>(
                $"SELECT COUNT(*) AS \"Value\" FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = {table}");
        return await count.SingleAsync(cancellationToken) > 0;
    }
}
