using Microsoft.EntityFrameworkCore;
using ProjectHub.Contracts.Registry;

namespace ProjectHub.Hosting.Projects;

/// <summary>A service's copy of each project's routing (<see cref="ProjectRoute"/>), written from registry events only.</summary>
public static class ProjectRoutes
{
    /// <summary>Maps the copy to <paramref name="table"/> in the service's model.</summary>
    public static ModelBuilder AddProjectRoutes(this ModelBuilder modelBuilder, string table)
    {
        modelBuilder.Entity<ProjectRoute>(entity =>
        {
            entity.ToTable(table);
            entity.HasKey(r => r.ProjectId);
            entity.Property(r => r.ProjectId).HasMaxLength(128);
        });
        return modelBuilder;
    }

    /// <summary>Null for a project whose registry events this service has not received yet.</summary>
    public static Task<ProjectRoute?> FindRouteAsync(this DbContext db, string projectId, CancellationToken cancellationToken) =>
        db.Set<ProjectRoute>().AsNoTracking().FirstOrDefaultAsync(r => r.ProjectId == projectId, cancellationToken);

    /// <summary>
    /// Adds or refreshes the row (saved with the caller's unit of work) and returns it; an event older than the row
    /// changes nothing and returns null.
    /// </summary>
    public static async Task<ProjectRoute?> UpsertRouteAsync(this DbContext db, ProjectRouting project, DateTimeOffset occurredAt, CancellationToken cancellationToken)
    {
        var at = occurredAt.ToUnixTimeMilliseconds();
        var routes = db.Set<ProjectRoute>();
        var row = await routes.FindAsync([project.ProjectId], cancellationToken);
        if (row is null)
        {
            row = new ProjectRoute { ProjectId = project.ProjectId };
            routes.Add(row);
        }
        else if (row.UpdatedAtUnixMs > at)
        {
            return null; // Events may arrive out of order; a late older one must not undo a newer change.
        }

        row.ProjectName = project.ProjectName;
        row.OwnerUnit = project.OwnerUnit;
        row.ResponsibleUnit = project.ResponsibleUnit;
        row.IndustryDepartment = project.IndustryDepartment;
        row.LeaderInCharge = project.LeaderInCharge;
        row.UpdatedAtUnixMs = at;
        return row;
    }
}
