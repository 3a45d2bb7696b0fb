using Microsoft.EntityFrameworkCore;
using ProjectHub.Escalation.Domain.Alerts;
using ProjectHub.Escalation.Persistence;

namespace ProjectHub.Escalation.Problems;

/// <summary>A project's routing as last seen on registry events (alerts and permissions both key off it).</summary>
public static class ProjectRoutingLookup
{
    /// <summary>Null for a project this service has never heard of.</summary>
    public static async Task<ProjectRouting?> FindAsync(EscalationDbContext db, string projectId, CancellationToken ct)
    {
        var route = await db.ProjectRoutes.AsNoTracking().FirstOrDefaultAsync(r => r.ProjectId == projectId, ct);
        return route is null
            ? null
            : new ProjectRouting(projectId, "", route.ResponsibleUnit, route.OwnerUnit, route.IndustryDepartment, route.LeaderInCharge);
    }
}
