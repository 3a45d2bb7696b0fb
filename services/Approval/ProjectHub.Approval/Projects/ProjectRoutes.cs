using Microsoft.EntityFrameworkCore;
using ProjectHub.Approval.Persistence;
using ProjectHub.Contracts.Registry;

namespace ProjectHub.Approval.Projects;

/// <summary>The approval service's copy of each project's routing, written from registry events only.</summary>
public static class ProjectRoutes
{
    /// <summary>Null for a project whose registry events this service has not received yet.</summary>
    public static Task<ProjectRouteRecord?> FindAsync(ApprovalDbContext db, string projectId, CancellationToken cancellationToken) =>
        db.ProjectRoutes.AsNoTracking().FirstOrDefaultAsync(r => r.ProjectId == projectId, cancellationToken);

    /// <summary>
    /// Adds or refreshes the row, and the owner unit of the project's case (saved with the unit of work); an event older
    /// than the row is ignored.
    /// </summary>
    public static async Task UpsertAsync(ApprovalDbContext db, ProjectRouting project, DateTimeOffset occurredAt, CancellationToken cancellationToken)
    {
        var at = occurredAt.ToUnixTimeMilliseconds();
        var row = await db.ProjectRoutes.FindAsync([project.ProjectId], cancellationToken);
        if (row is null)
        {
            row = new ProjectRouteRecord { ProjectId = project.ProjectId };
            db.ProjectRoutes.Add(row);
        }
        else if (row.UpdatedAtUnixMs > at)
        {
            return; // Events may arrive out of order; a late older one must not undo a newer change.
        }

        row.ProjectName = project.ProjectName;
        row.OwnerUnit = project.OwnerUnit;
        row.ResponsibleUnit = project.ResponsibleUnit;
        row.IndustryDepartment = project.IndustryDepartment;
        row.LeaderInCharge = project.LeaderInCharge;
        row.UpdatedAtUnixMs = at;

        // The case's owner unit addresses its overdue and due-soon alerts, so it follows the registry too.
        var opened = await db.Cases.FirstOrDefaultAsync(c => c.ProjectId == project.ProjectId, cancellationToken);
        if (opened is not null && opened.OwnerUnit != project.OwnerUnit)
        {
            opened.OwnerUnit = project.OwnerUnit;
        }
    }
}
