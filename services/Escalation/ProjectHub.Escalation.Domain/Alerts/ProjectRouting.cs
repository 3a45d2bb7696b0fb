namespace ProjectHub.Escalation.Domain.Alerts;

/// <summary>
/// What alert routing needs to know about a project. The department and leader in charge are optional: when the
/// project names them they win, otherwise the recipient directory is asked by industry.
/// </summary>
public sealed record ProjectRouting(
    string ProjectId,
    string Industry,
    string ResponsibleUnitId,
    string OwnerUnitId,
    string? IndustryDepartmentId = null,
    string? LeaderInChargeId = null);
