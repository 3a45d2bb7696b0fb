namespace ProjectHub.Escalation.Domain.Alerts;

/// <summary>
/// What alert routing needs to know about a project. The department and leader in charge are optional: when the
/// project names them they win, otherwise the recipient directory is asked by industry.
/// </summary>
/// <param name="ProjectName">The name people know the project by; empty when the registry has not told us yet.</param>
public sealed record ProjectRouting(
    string ProjectId,
    string Industry,
    string ResponsibleUnitId,
    string OwnerUnitId,
    string? IndustryDepartmentId = null,
    string? LeaderInChargeId = null,
    string ProjectName = "")
{
    /// <summary>How alert texts name the project after 项目: “name” when known, else the id set off by spaces.</summary>
    public string Label => string.IsNullOrWhiteSpace(ProjectName) ? $" {ProjectId} " : $"“{ProjectName}”";
}
