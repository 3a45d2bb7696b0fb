using ProjectHub.Escalation.Persistence;
using Registry = ProjectHub.Contracts.Registry;

namespace ProjectHub.Escalation.Consumers;

/// <summary>Keeps the local copy of who is responsible for a project, from whatever registry event carries it.</summary>
public static class ProjectRoutes
{
    public static async Task UpsertAsync(EscalationDbContext db, Registry.ProjectRouting project, DateTimeOffset occurredAt, CancellationToken ct)
    {
        var row = await db.ProjectRoutes.FindAsync([project.ProjectId], ct);
        if (row is null)
        {
            row = new ProjectRouteRow { ProjectId = project.ProjectId };
            db.ProjectRoutes.Add(row);
        }
        else if (row.UpdatedAt > occurredAt)
        {
            return; // An older event arriving late must not overwrite newer routing.
        }

        row.ProjectName = project.ProjectName;
        row.OwnerUnit = project.OwnerUnit;
        row.ResponsibleUnit = project.ResponsibleUnit;
        row.IndustryDepartment = project.IndustryDepartment;
        row.LeaderInCharge = project.LeaderInCharge;
        row.UpdatedAt = occurredAt;
    }

    public static Domain.Alerts.ProjectRouting ToDomain(Registry.ProjectRouting project) =>
        new(project.ProjectId, "", project.ResponsibleUnit, project.OwnerUnit, project.IndustryDepartment, project.LeaderInCharge);
}
