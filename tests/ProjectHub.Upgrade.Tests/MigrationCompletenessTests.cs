using Microsoft.EntityFrameworkCore;
using ProjectHub.Approval.Persistence;
using ProjectHub.Escalation.Persistence;
using ProjectHub.Registry.Persistence;

namespace ProjectHub.Upgrade.Tests;

/// <summary>A model change without its migration (for either provider) fails here, not in a customer's upgrade.</summary>
public sealed class MigrationCompletenessTests
{
    public static TheoryData<string> Contexts => new()
    {
        nameof(RegistrySqliteDbContext), nameof(RegistryPostgresDbContext),
        nameof(ApprovalSqliteDbContext), nameof(ApprovalPostgresDbContext),
        nameof(EscalationSqliteDbContext), nameof(EscalationPostgresDbContext),
    };

    [Theory]
    [MemberData(nameof(Contexts))]
    public void Every_model_change_has_its_migration(string context)
    {
        using var db = ServiceContexts.Create(context);
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(),
            $"{context}'s model differs from its last migration: add one for both providers (docs/migrations.md).");
    }
}

/// <summary>Each service's provider contexts, built without a database (nothing connects until a query runs).</summary>
public static class ServiceContexts
{
    /// <param name="context">The context's class name, e.g. nameof(RegistrySqliteDbContext).</param>
    public static DbContext Create(string context) => context switch
    {
        nameof(RegistrySqliteDbContext) => new RegistrySqliteDbContext(Sqlite<RegistrySqliteDbContext>()),
        nameof(RegistryPostgresDbContext) => new RegistryPostgresDbContext(Postgres<RegistryPostgresDbContext>()),
        nameof(ApprovalSqliteDbContext) => new ApprovalSqliteDbContext(Sqlite<ApprovalSqliteDbContext>()),
        nameof(ApprovalPostgresDbContext) => new ApprovalPostgresDbContext(Postgres<ApprovalPostgresDbContext>()),
        nameof(EscalationSqliteDbContext) => new EscalationSqliteDbContext(Sqlite<EscalationSqliteDbContext>()),
        nameof(EscalationPostgresDbContext) => new EscalationPostgresDbContext(Postgres<EscalationPostgresDbContext>()),
        _ => throw new ArgumentOutOfRangeException(nameof(context), context, "not a service provider context"),
    };

    /// <summary>Every migration this release has for <paramref name="service"/> ("Registry" …) on a provider, oldest first.</summary>
    public static List<string> MigrationsOf(string service, string provider)
    {
        using var db = Create($"{service}{provider}DbContext");
        return db.Database.GetMigrations().ToList();
    }

    private static DbContextOptions<T> Sqlite<T>() where T : DbContext =>
        new DbContextOptionsBuilder<T>().UseSqlite("Data Source=:memory:").Options;

    private static DbContextOptions<T> Postgres<T>() where T : DbContext =>
        new DbContextOptionsBuilder<T>().UseNpgsql("Host=unused").Options;
}
