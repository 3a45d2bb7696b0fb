using ProjectHub.Approval.Persistence;
using ProjectHub.Hosting.Projects;

namespace ProjectHub.Approval.Access;

/// <summary>
/// The units a case's project answers to, for authorization: the registry's routing when this service has heard of
/// the project, else only the owner unit named when the case was opened (responsible unit, department and leader
/// unknown, so nobody is let in through them).
/// </summary>
public sealed record ProjectScope(string OwnerUnit, string? ResponsibleUnit, string? IndustryDepartment, string? LeaderInCharge)
{
    public bool Known => ResponsibleUnit is not null;

    public static ProjectScope Of(CaseRecord record, ProjectRoute? route) =>
        route is null ? Unknown(record.OwnerUnit) : Of(route);

    public static ProjectScope Of(ProjectRoute route) =>
        new(route.OwnerUnit, route.ResponsibleUnit, route.IndustryDepartment, route.LeaderInCharge);

    public static ProjectScope Unknown(string caseOwnerUnit) => new(caseOwnerUnit, null, null, null);
}
