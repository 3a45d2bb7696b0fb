using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ProjectHub.Hosting.Database;

/// <summary>
/// What `dotnet ef migrations add` uses to build a provider's context without starting the host. Nothing connects:
/// adding a migration compares the model with the last snapshot. A service declares one closed subclass per provider.
/// </summary>
public abstract class SqliteDesignTimeContext<TContext> : IDesignTimeDbContextFactory<TContext>
    where TContext : DbContext
{
    public TContext CreateDbContext(string[] args) =>
        (TContext)Activator.CreateInstance(typeof(TContext), new DbContextOptionsBuilder<TContext>().UseSqlite("Data Source=design-time.db").Options)!;
}

/// <inheritdoc cref="SqliteDesignTimeContext{TContext}"/>
public abstract class PostgresDesignTimeContext<TContext> : IDesignTimeDbContextFactory<TContext>
    where TContext : DbContext
{
    public TContext CreateDbContext(string[] args) =>
        (TContext)Activator.CreateInstance(typeof(TContext), new DbContextOptionsBuilder<TContext>().UseNpgsql("Host=design-time").Options)!;
}
