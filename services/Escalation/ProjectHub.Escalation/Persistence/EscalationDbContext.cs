using Microsoft.EntityFrameworkCore;
using ProjectHub.Hosting.Messaging;
using ProjectHub.Hosting.Projects;

namespace ProjectHub.Escalation.Persistence;

/// <summary>The escalation service's own database.</summary>
public class EscalationDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<ProblemRow> Problems => Set<ProblemRow>();
    public DbSet<ProblemHistoryRow> ProblemHistory => Set<ProblemHistoryRow>();
    public DbSet<AlertRow> Alerts => Set<AlertRow>();
    public DbSet<SupervisionCaseRow> SupervisionCases => Set<SupervisionCaseRow>();
    public DbSet<ProjectRoute> ProjectRoutes => Set<ProjectRoute>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ProblemRow>(e =>
        {
            e.ToTable("problems");
            e.HasKey(p => p.Id);
            e.Property(p => p.Version).IsConcurrencyToken();
            e.Property(p => p.ProjectId).HasMaxLength(100);
            e.Property(p => p.TierId).HasMaxLength(100);
            e.Property(p => p.State).HasMaxLength(20);
            e.Property(p => p.Category).HasMaxLength(20);
            e.Property(p => p.Kind).HasMaxLength(20);
            e.Property(p => p.ProjectLight).HasMaxLength(10);
            e.HasIndex(p => new { p.ProjectId, p.RaisedAtMs });
            e.HasIndex(p => new { p.State, p.OverdueFromMs });
        });
        modelBuilder.Entity<ProblemHistoryRow>(e =>
        {
            e.ToTable("problem_history");
            e.HasKey(h => new { h.ProblemId, h.Version });
        });
        modelBuilder.Entity<AlertRow>(e =>
        {
            e.ToTable("alerts");
            e.HasKey(a => a.Sequence);
            e.Property(a => a.Sequence).ValueGeneratedOnAdd();
            e.Property(a => a.AlertId).HasMaxLength(300);
            e.Property(a => a.RecipientId).HasMaxLength(200);
            e.HasIndex(a => a.AlertId).IsUnique();
            e.HasIndex(a => new { a.RecipientId, a.Sequence });
        });
        modelBuilder.Entity<SupervisionCaseRow>(e =>
        {
            e.ToTable("supervision_cases");
            e.HasKey(s => s.ProjectId);
        });
        modelBuilder.AddProjectRoutes("project_routes");
        modelBuilder.AddOutboxAndInbox();
    }
}
