using Microsoft.EntityFrameworkCore;
using ProjectHub.Hosting.Database;

namespace ProjectHub.Approval.Persistence;

// One context per provider, each with its own migrations (Persistence/Migrations/Sqlite and …/Postgres): the model is
// ApprovalDbContext's; the column types, and so the migrations, differ by provider. The service's code only ever asks for
// ApprovalDbContext. New migration: see docs/migrations.md.

/// <summary>ApprovalDbContext on SQLite, with the SQLite migrations.</summary>
public sealed class ApprovalSqliteDbContext(DbContextOptions<ApprovalSqliteDbContext> options) : ApprovalDbContext(options);

/// <summary>ApprovalDbContext on PostgreSQL, with the PostgreSQL migrations.</summary>
public sealed class ApprovalPostgresDbContext(DbContextOptions<ApprovalPostgresDbContext> options) : ApprovalDbContext(options);

public sealed class ApprovalSqliteDesignTime : SqliteDesignTimeContext<ApprovalSqliteDbContext>;

public sealed class ApprovalPostgresDesignTime : PostgresDesignTimeContext<ApprovalPostgresDbContext>;
