using Microsoft.EntityFrameworkCore;
using ProjectHub.Hosting.Messaging;
using ProjectHub.Hosting.Projects;

namespace ProjectHub.Approval.Persistence;

/// <summary>The approval service's own database.</summary>
public class ApprovalDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<CaseRecord> Cases => Set<CaseRecord>();

    public DbSet<ItemRecord> Items => Set<ItemRecord>();

    public DbSet<TimelineRecord> Timeline => Set<TimelineRecord>();

    /// <summary>Each project's routing as the registry's events last gave it (<see cref="Consumers.ApprovalProjectRoutingConsumer"/>).</summary>
    public DbSet<ProjectRoute> ProjectRoutes => Set<ProjectRoute>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<CaseRecord>(entity =>
        {
            entity.ToTable("approval_cases");
            entity.HasKey(c => c.Id);
            entity.Property(c => c.Id).HasMaxLength(64);
            entity.Property(c => c.ProjectId).HasMaxLength(128);
            entity.HasIndex(c => c.ProjectId).IsUnique();
            entity.HasIndex(c => new { c.OpenedAtUnixMs, c.Id });
            entity.Property(c => c.TotalInvestment).HasPrecision(18, 4);
            entity.Property(c => c.Version).IsConcurrencyToken();
            entity.HasMany(c => c.Items).WithOne().HasForeignKey(i => i.CaseId);
        });
        modelBuilder.Entity<ItemRecord>(entity =>
        {
            entity.ToTable("approval_items");
            entity.HasKey(i => i.Id);
            entity.HasIndex(i => new { i.CaseId, i.Kind }).IsUnique();
            entity.HasIndex(i => i.State);
            entity.Property(i => i.Version).IsConcurrencyToken();
            entity.HasMany(i => i.Timeline).WithOne().HasForeignKey(t => t.ItemId);
        });
        modelBuilder.Entity<TimelineRecord>(entity =>
        {
            entity.ToTable("approval_timeline");
            entity.HasKey(t => new { t.ItemId, t.Sequence });
        });
        // The same table and columns as before the routing copy moved to the hosting library (no schema change). No
        // relationship to approval_cases: a case may be opened (by the DRC) before its project's event arrives.
        modelBuilder.AddProjectRoutes("approval_project_routes");
        modelBuilder.AddOutboxAndInbox();
    }
}
