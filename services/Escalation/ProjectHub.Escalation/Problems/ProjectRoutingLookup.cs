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
            : new ProjectRouting(
                projectId, "", route.ResponsibleUnit, route.OwnerUnit, route.IndustryDepartment, route.LeaderInCharge, route.ProjectName);
    }

    /// <summary>Project id → name for the given projects this service has heard of (lists show names, not ids).</summary>
    public static async Task<IReadOnlyDictionary<string, string>> NamesAsync(EscalationDbContext db, IEnumerable<string> projectIds, CancellationToken ct)
    {
        var ids = projectIds.Where(id => id.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0)
        {
            return new Dictionary<string, string>(StringComparer.Ordinal);
        }

        return await db.ProjectRoutes.AsNoTracking()
            .Where(r => ids.Contains(r.ProjectId))
            .ToDictionaryAsync(r => r.ProjectId, r => r.ProjectName, StringComparer.Ordinal, ct);
    }
}
