namespace ProjectHub.Escalation.Persistence;

/// <summary>
/// Who is responsible for a project, as last seen on the registry's events; lets alerts and permissions be routed
/// without calling the registry back.
/// </summary>
public sealed class ProjectRouteRow
{
    public string ProjectId { get; set; } = "";
    public string ProjectName { get; set; } = "";
    public string OwnerUnit { get; set; } = "";
    public string ResponsibleUnit { get; set; } = "";
    public string IndustryDepartment { get; set; } = "";
    public string LeaderInCharge { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
}
