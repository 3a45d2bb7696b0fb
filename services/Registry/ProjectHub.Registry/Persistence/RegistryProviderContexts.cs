using Microsoft.EntityFrameworkCore;
using ProjectHub.Hosting.Database;

namespace ProjectHub.Registry.Persistence;

// One context per provider, each with its own migrations (Persistence/Migrations/Sqlite and …/Postgres): the model is
// RegistryDbContext's; the column types, and so the migrations, differ by provider. The service's code only ever asks for
// RegistryDbContext. New migration: see docs/migrations.md.

/// <summary>RegistryDbContext on SQLite, with the SQLite migrations.</summary>
public sealed class RegistrySqliteDbContext(DbContextOptions<RegistrySqliteDbContext> options) : RegistryDbContext(options);

/// <summary>RegistryDbContext on PostgreSQL, with the PostgreSQL migrations.</summary>
public sealed class RegistryPostgresDbContext(DbContextOptions<RegistryPostgresDbContext> options) : RegistryDbContext(options);

public sealed class RegistrySqliteDesignTime : SqliteDesignTimeContext<RegistrySqliteDbContext>;

public sealed class RegistryPostgresDesignTime : PostgresDesignTimeContext<RegistryPostgresDbContext>;
