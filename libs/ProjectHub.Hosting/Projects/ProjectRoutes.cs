using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
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
            // Two consumers of one service (routing, light changes) often see a new project at the same moment; adding the
            // row through the unit of work made one of them fail on the primary key and be retried with a stack trace.
            // INSERT … ON CONFLICT DO NOTHING (SQLite and PostgreSQL) lets both pass; the row then joins the unit of work
            // like an existing one. Written ahead of the unit of work: a copy of registry data, so if the unit of work
            // fails the redelivered event simply writes the same values again.
            await InsertIfMissingAsync(db, project, at, cancellationToken);
            row = await routes.FindAsync([project.ProjectId], cancellationToken);
        }

        if (row is null)
        {
            throw new InvalidOperationException($"The routing copy of project {project.ProjectId} was inserted but cannot be read back.");
        }

        if (row.UpdatedAtUnixMs > at)
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

    private static Task<int> InsertIfMissingAsync(DbContext db, ProjectRouting project, long at, CancellationToken cancellationToken)
    {
        var entity = db.Model.FindEntityType(typeof(ProjectRoute))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        string Column(string property) => "\"" + entity.FindProperty(property)!.GetColumnName(table)! + "\"";
        var name = entity.GetSchema() is { } schema ? $"\"{schema}\".\"{table.Name}\"" : $"\"{table.Name}\"";
        string[] columns =
        [
            nameof(ProjectRoute.ProjectId), nameof(ProjectRoute.ProjectName), nameof(ProjectRoute.OwnerUnit), nameof(ProjectRoute.ResponsibleUnit),
            nameof(ProjectRoute.IndustryDepartment), nameof(ProjectRoute.LeaderInCharge), nameof(ProjectRoute.UpdatedAtUnixMs),
        ];
        var sql = $"INSERT INTO {name} ({string.Join(", ", columns.Select(Column))}) VALUES ({{0}}, {{1}}, {{2}}, {{3}}, {{4}}, {{5}}, {{6}}) " +
            $"ON CONFLICT ({Column(nameof(ProjectRoute.ProjectId))}) DO NOTHING";
        return db.Database.ExecuteSqlRawAsync(sql,
            [project.ProjectId, project.ProjectName, project.OwnerUnit, project.ResponsibleUnit, project.IndustryDepartment, project.LeaderInCharge, at],
            cancellationToken);
    }
}
