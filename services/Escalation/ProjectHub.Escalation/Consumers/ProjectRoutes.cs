using Registry = ProjectHub.Contracts.Registry;

namespace ProjectHub.Escalation.Consumers;

/// <summary>The routing a registry event carries, as the alert rules see it.</summary>
public static class ProjectRoutes
{
    public static Domain.Alerts.ProjectRouting ToDomain(Registry.ProjectRouting project) =>
        new(project.ProjectId, "", project.ResponsibleUnit, project.OwnerUnit, project.IndustryDepartment, project.LeaderInCharge, project.ProjectName);
}
