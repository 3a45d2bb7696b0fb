using Microsoft.EntityFrameworkCore;
using ProjectHub.Hosting.Messaging;

namespace ProjectHub.Approval.Persistence;

/// <summary>The approval service's own database.</summary>
public sealed class ApprovalDbContext(DbContextOptions<ApprovalDbContext> options) : DbContext(options)
{
    public DbSet<CaseRecord> Cases => Set<CaseRecord>();

    public DbSet<ItemRecord> Items => Set<ItemRecord>();

    public DbSet<TimelineRecord> Timeline => Set<TimelineRecord>();

    public DbSet<ProjectRouteRecord> ProjectRoutes => Set<ProjectRouteRecord>();

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
        modelBuilder.Entity<ProjectRouteRecord>(entity =>
        {
            // No relationship to approval_cases: a case may be opened (by the DRC) before its project's event arrives.
            entity.ToTable("approval_project_routes");
            entity.HasKey(r => r.ProjectId);
            entity.Property(r => r.ProjectId).HasMaxLength(128);
        });
        modelBuilder.AddOutboxAndInbox();
    }
}
