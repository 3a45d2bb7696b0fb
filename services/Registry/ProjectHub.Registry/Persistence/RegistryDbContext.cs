using Microsoft.EntityFrameworkCore;
using ProjectHub.Hosting.Messaging;

namespace ProjectHub.Registry.Persistence;

/// <summary>The registry service's own database.</summary>
public sealed class RegistryDbContext(DbContextOptions<RegistryDbContext> options) : DbContext(options)
{
    public DbSet<ProjectRow> Projects => Set<ProjectRow>();
    public DbSet<BaselineRow> Baselines => Set<BaselineRow>();
    public DbSet<ReportRow> Reports => Set<ReportRow>();
    public DbSet<LightHistoryRow> LightHistory => Set<LightHistoryRow>();
    public DbSet<AuditRow> Audit => Set<AuditRow>();
    public DbSet<OverdueApprovalRow> OverdueApprovals => Set<OverdueApprovalRow>();
    public DbSet<ResolvedProblemRow> ResolvedProblems => Set<ResolvedProblemRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.Entity<ProjectRow>(e =>
        {
            e.ToTable("projects");
            e.HasKey(p => p.Id);
            e.Property(p => p.Id).HasMaxLength(40);
            e.HasIndex(p => new { p.RegisteredAtMs, p.Id });
            e.Property(p => p.TotalInvestment).HasPrecision(18, 4);
            e.Property(p => p.YearPlannedInvestment).HasPrecision(18, 4);
            e.Property(p => p.PlannedPercent).HasPrecision(9, 4);
            e.Property(p => p.ActualPercent).HasPrecision(9, 4);
        });
        modelBuilder.Entity<BaselineRow>(e =>
        {
            e.ToTable("baselines");
            e.HasKey(b => new { b.ProjectId, b.Version });
        });
        modelBuilder.Entity<ReportRow>(e =>
        {
            e.ToTable("progress_reports");
            e.HasKey(r => r.Id);
            e.HasIndex(r => new { r.ProjectId, r.PeriodStart, r.Version }).IsUnique();
            e.Property(r => r.CumulativePercent).HasPrecision(9, 4);
            e.Property(r => r.PeriodInvestment).HasPrecision(18, 4);
            e.Property(r => r.CumulativeInvestment).HasPrecision(18, 4);
        });
        modelBuilder.Entity<LightHistoryRow>(e =>
        {
            e.ToTable("light_history");
            e.HasKey(h => h.Id);
            e.HasIndex(h => new { h.ProjectId, h.Sequence });
            e.Property(h => h.PlannedPercent).HasPrecision(9, 4);
            e.Property(h => h.ActualPercent).HasPrecision(9, 4);
        });
        modelBuilder.Entity<AuditRow>(e =>
        {
            e.ToTable("audit_records");
            e.HasKey(a => a.Id);
            e.HasIndex(a => new { a.ProjectId, a.Sequence });
        });
        modelBuilder.Entity<OverdueApprovalRow>(e =>
        {
            e.ToTable("overdue_approvals");
            e.HasKey(a => new { a.ProjectId, a.CaseId, a.ItemKind });
        });
        modelBuilder.Entity<ResolvedProblemRow>(e =>
        {
            e.ToTable("resolved_problems");
            e.HasKey(r => r.EventId);
            e.HasIndex(r => new { r.ResponsibleUnit, r.ResolvedOn });
        });
    }
}
