using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ProjectHub.Hosting.Messaging;
using Microsoft.Extensions.Logging;
using ProjectHub.Hosting.Health;

namespace ProjectHub.Hosting.Database;

public static partial class DatabaseExtensions
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Database {Name} ready ({Provider})")]
    private static partial void DatabaseReady(ILogger logger, string name, string? provider);

    [LoggerMessage(Level = LogLevel.Information, Message = "Database {Name} migrated ({Provider}): {Migrations}")]
    private static partial void DatabaseMigrated(ILogger logger, string name, string? provider, IReadOnlyList<string> migrations);

    /// <summary>A database whose context is the same on both providers and has no migrations (tests' throw-away models).</summary>
    public static WebApplicationBuilder AddServiceDatabase<TContext>(this WebApplicationBuilder builder, string name)
        where TContext : DbContext => builder.AddServiceDatabase<TContext, TContext, TContext>(name);

    /// <summary>
    /// Registers a service's own database, and makes it count for the service's health. "Database:{name}:Provider" is
    /// Sqlite (default) or Postgres; "Database:{name}:ConnectionString" defaults to a SQLite file under
    /// "Database:Directory" (./data). The service's code asks for <typeparamref name="TContext"/>; what it gets is the
    /// provider's derived context, which carries that provider's migrations (one migration set per provider, as EF
    /// Core documents for a context that targets two databases).
    /// </summary>
    public static WebApplicationBuilder AddServiceDatabase<TContext, TSqlite, TPostgres>(this WebApplicationBuilder builder, string name)
        where TContext : DbContext
        where TSqlite : TContext
        where TPostgres : TContext
    {
        var section = builder.Configuration.GetSection($"Database:{name}");
        var provider = section["Provider"] ?? builder.Configuration["Database:Provider"] ?? "Sqlite";
        var connectionString = section["ConnectionString"];
        builder.Services.TryAddSingleton<OutboxSignal>();
        builder.Services.TryAddSingleton<OutboxSignalInterceptor>();
        if (provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase))
        {
            var postgres = connectionString ?? throw new InvalidOperationException(
                $"Database:{name}:ConnectionString is required with the Postgres provider.");
            builder.Services.AddDbContext<TContext, TPostgres>((services, options) =>
                options.AddInterceptors(services.GetRequiredService<OutboxSignalInterceptor>()).UseNpgsql(postgres));
        }
        else if (provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            var directory = builder.Configuration["Database:Directory"] ?? "data";
            Directory.CreateDirectory(directory);
            var sqlite = connectionString ?? $"Data Source={Path.Combine(directory, name.ToLowerInvariant() + ".db")}";
            builder.Services.AddDbContext<TContext, TSqlite>((services, options) =>
                options.AddInterceptors(services.GetRequiredService<OutboxSignalInterceptor>()).UseSqlite(sqlite));
        }
        else
        {
            throw new InvalidOperationException($"Database:{name}:Provider must be Sqlite or Postgres, not '{provider}'.");
        }

        builder.Services.AddSingleton(new DatabaseRegistration(typeof(TContext), name));
        // Unreachable → the service answers health checks NOT_SERVING (and its calls UNAVAILABLE, ErrorStatus).
        builder.AddDatabaseHealth<TContext>(name);
        return builder;
    }

    /// <summary>
    /// Before the host serves: with "Database:MigrateOnStart" (default true) every registered database is migrated to
    /// this release's latest migration; with false (production, where the `migrate` command runs first) the host
    /// refuses to start against a database that is behind, naming the missing migrations.
    /// </summary>
    public static Task InitializeDatabasesAsync(this IServiceProvider services, CancellationToken cancellationToken = default) =>
        services.PrepareDatabasesAsync(services.GetRequiredService<IConfiguration>().GetValue("Database:MigrateOnStart", true), cancellationToken);

    /// <summary>Migrates every registered database (the `migrate` command, and the start with MigrateOnStart).</summary>
    public static Task MigrateDatabasesAsync(this IServiceProvider services, CancellationToken cancellationToken = default) =>
        services.PrepareDatabasesAsync(migrate: true, cancellationToken);

    private static async Task PrepareDatabasesAsync(this IServiceProvider services, bool migrate, CancellationToken cancellationToken)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("ProjectHub.Database");
        foreach (var registration in services.GetServices<DatabaseRegistration>())
        {
            await using var scope = services.CreateAsyncScope();
            var context = (DbContext)scope.ServiceProvider.GetRequiredService(registration.ContextType);
            if (migrate)
            {
                var applied = await DatabaseMigrator.MigrateAsync(context, cancellationToken);
                if (applied.Count > 0)
                {
                    DatabaseMigrated(logger, registration.Name, context.Database.ProviderName, applied);
                }
            }
            else if (await DatabaseMigrator.PendingAsync(context, cancellationToken) is { Count: > 0 } pending)
            {
                throw new DatabaseBehindException(registration.Name, pending);
            }

            DatabaseReady(logger, registration.Name, context.Database.ProviderName);
        }
    }
}

/// <summary>The database has not had this release's migrations: run the host's `migrate` command first.</summary>
public sealed class DatabaseBehindException(string name, IReadOnlyList<string> missing) : Exception(
    $"Database {name} is behind this release: missing migration(s) {string.Join(", ", missing)}. Run the host's `migrate` " +
    "command (what the deployment's migration Job runs) before starting it, or start it with Database:MigrateOnStart=true.")
{
    public string DatabaseName { get; } = name;

    public IReadOnlyList<string> Missing { get; } = missing;
}

/// <summary>A database owned by a service in this process.</summary>
public sealed record DatabaseRegistration(Type ContextType, string Name);
