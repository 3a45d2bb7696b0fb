using Microsoft.EntityFrameworkCore;
using ProjectHub.Hosting.Database;

namespace ProjectHub.Escalation.Persistence;

// One context per provider, each with its own migrations (Persistence/Migrations/Sqlite and …/Postgres): the model is
// EscalationDbContext's; the column types, and so the migrations, differ by provider. The service's code only ever asks for
// EscalationDbContext. New migration: see docs/migrations.md.

/// <summary>EscalationDbContext on SQLite, with the SQLite migrations.</summary>
public sealed class EscalationSqliteDbContext(DbContextOptions<EscalationSqliteDbContext> options) : EscalationDbContext(options);

/// <summary>EscalationDbContext on PostgreSQL, with the PostgreSQL migrations.</summary>
public sealed class EscalationPostgresDbContext(DbContextOptions<EscalationPostgresDbContext> options) : EscalationDbContext(options);

public sealed class EscalationSqliteDesignTime : SqliteDesignTimeContext<EscalationSqliteDbContext>;

public sealed class EscalationPostgresDesignTime : PostgresDesignTimeContext<EscalationPostgresDbContext>;
