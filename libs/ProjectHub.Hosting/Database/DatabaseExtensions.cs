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

    /// <summary>
    /// Registers a service's own database, and makes it count for the service's health. "Database:{name}:Provider" is Sqlite (default) or Postgres;
    /// "Database:{name}:ConnectionString" defaults to a SQLite file under "Database:Directory" (./data).
    /// </summary>
    public static WebApplicationBuilder AddServiceDatabase<TContext>(this WebApplicationBuilder builder, string name)
        where TContext : DbContext
    {
        var section = builder.Configuration.GetSection($"Database:{name}");
        var provider = section["Provider"] ?? builder.Configuration["Database:Provider"] ?? "Sqlite";
        var connectionString = section["ConnectionString"];
        builder.Services.TryAddSingleton<OutboxSignal>();
        builder.Services.TryAddSingleton<OutboxSignalInterceptor>();
        builder.Services.AddDbContext<TContext>((services, options) =>
        {
            options.AddInterceptors(services.GetRequiredService<OutboxSignalInterceptor>());
            if (provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase))
            {
                options.UseNpgsql(connectionString ?? throw new InvalidOperationException(
                    $"Database:{name}:ConnectionString is required with the Postgres provider."));
            }
            else if (provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
            {
                var directory = builder.Configuration["Database:Directory"] ?? "data";
                Directory.CreateDirectory(directory);
                options.UseSqlite(connectionString ?? $"Data Source={Path.Combine(directory, name.ToLowerInvariant() + ".db")}");
            }
            else
            {
                throw new InvalidOperationException($"Database:{name}:Provider must be Sqlite or Postgres, not '{provider}'.");
            }
        });
        builder.Services.AddSingleton(new DatabaseRegistration(typeof(TContext), name));
        // Unreachable → the service answers health checks NOT_SERVING (and its calls UNAVAILABLE, ErrorStatus).
        builder.AddDatabaseHealth<TContext>(name);
        return builder;
    }

    /// <summary>Creates or upgrades every registered service database before the host starts serving.</summary>
    public static async Task InitializeDatabasesAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("ProjectHub.Database");
        foreach (var registration in services.GetServices<DatabaseRegistration>())
        {
            await using var scope = services.CreateAsyncScope();
            var context = (DbContext)scope.ServiceProvider.GetRequiredService(registration.ContextType);
            await SchemaInitializer.InitializeAsync(context, cancellationToken);
            DatabaseReady(logger, registration.Name, context.Database.ProviderName);
        }
    }
}

/// <summary>A database owned by a service in this process.</summary>
public sealed record DatabaseRegistration(Type ContextType, string Name);
