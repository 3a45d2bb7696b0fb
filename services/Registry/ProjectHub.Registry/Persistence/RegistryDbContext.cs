using Microsoft.EntityFrameworkCore;
using ProjectHub.Hosting.Messaging;

namespace ProjectHub.Registry.Persistence;

/// <summary>The registry service's own database.</summary>
public class RegistryDbContext(DbContextOptions options) : DbContext(options)
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
            // ListProjects pages in (RegisteredAtMs, Id) order; each filter it serves often (light, department,
            // department + light, the scopes of department, leader and owner callers) has an index leading with the
            // filtered columns and ending with that order, so a page reads its rows and stops.
            e.HasIndex(p => new { p.RegisteredAtMs, p.Id });
            e.HasIndex(p => new { p.Light, p.RegisteredAtMs, p.Id }).HasDatabaseName("IX_projects_Light_Page");
            e.HasIndex(p => new { p.IndustryDepartment, p.RegisteredAtMs, p.Id }).HasDatabaseName("IX_projects_Department_Page");
            e.HasIndex(p => new { p.IndustryDepartment, p.Light, p.RegisteredAtMs, p.Id }).HasDatabaseName("IX_projects_Department_Light_Page");
            e.HasIndex(p => new { p.LeaderInCharge, p.RegisteredAtMs, p.Id }).HasDatabaseName("IX_projects_Leader_Page");
            e.HasIndex(p => p.OwnerUnit).HasDatabaseName("IX_projects_OwnerUnit");
            e.HasIndex(p => p.ResponsibleUnit).HasDatabaseName("IX_projects_ResponsibleUnit");
            // GetBoard's GROUP BY, covered: the board is counted from this index alone, in its order, without a sort.
            e.HasIndex(p => new
            {
                p.IndustryDepartment, p.Locality, p.LeaderInCharge, p.Tier, p.Light, p.Stage, p.TotalInvestment, p.YearPlannedInvestment,
            }).HasDatabaseName("IX_projects_Board");
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
            // The board's year-to-date sum and the ranking read reports by period start; covered for the board.
            e.HasIndex(r => new { r.PeriodStart, r.IsCurrent, r.ProjectId, r.PeriodInvestment }).HasDatabaseName("IX_progress_reports_Period");
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
        modelBuilder.Entity<SweepRunRow>(e =>
        {
            e.ToTable("sweep_runs");
            e.HasKey(r => r.Day);
            e.Property(r => r.Day).HasColumnName("day").HasMaxLength(10);
            e.Property(r => r.ClaimedBy).HasColumnName("claimed_by").HasMaxLength(200);
            e.Property(r => r.ClaimedAtMs).HasColumnName("claimed_at_ms");
            e.Property(r => r.FinishedAtMs).HasColumnName("finished_at_ms");
        });
    }
}
