using System.Linq.Expressions;
using ProjectHub.Approval.Cases;
using ProjectHub.Approval.Domain;
using ProjectHub.Approval.Persistence;
using ProjectHub.Hosting.Projects;
using ProjectHub.Security;

namespace ProjectHub.Approval.Access;

/// <summary>
/// Who may do what in the approval service: every rule of projecthub.approval.v1, as pure methods. Each write has a
/// role gate (checked before the request is even validated) and a scope check against the case's
/// <see cref="ProjectScope"/>; reads have the scope check, and <see cref="ReadableBy"/> is the same rule as a query
/// filter for lists.
/// </summary>
/// <remarks>
/// A project's owner unit, responsible unit, industry department and leader in charge come from the registry's events
/// (the <see cref="ProjectRoute"/> copy that <see cref="Consumers.ApprovalProjectRoutingConsumer"/> keeps). Until this
/// service has heard of a project, only the owner unit named when its case was opened reaches it, and leaders and
/// industry departments do not.
/// </remarks>
public static class ApprovalAccess
{
    // OpenCase: DRC registers the case; an owner only for a project it owns or answers for.
    public static bool MayOpenCases(Caller caller) => caller.IsAdmin || caller.HasRole(Roles.Drc, Roles.Owner);

    /// <param name="project">The project's routing; an owner may open a case only for a project this service knows.</param>
    public static bool MayOpenCase(Caller caller, ProjectScope? project) =>
        caller.IsAdmin || caller.Role == Roles.Drc || (project is { Known: true } && OwnsOrAnswersFor(caller, project));

    // SubmitItem: the owner's own submission; DRC does not submit for owners.
    public static bool MaySubmitItems(Caller caller) => caller.IsAdmin || caller.Role == Roles.Owner;

    public static bool MaySubmit(Caller caller, ProjectScope project) => caller.IsAdmin || OwnsOrAnswersFor(caller, project);

    // AcceptItem, ApproveItem, ReturnItem: a department acts only as itself.
    public static bool MayReviewItems(Caller caller) => caller.IsAdmin || caller.HasRole(Roles.Drc, Roles.Department);

    /// <param name="acting">The department of the item named by the request; null when the item has no such department.</param>
    /// <remarks>
    /// The DRC is itself an approving department (proposal, feasibility study, design): a drc caller acts for the
    /// DRC's entry only (by id, so a renamed DRC still matches), never for another department. A department token
    /// matches by name, the way projects and tokens spell departments.
    /// </remarks>
    public static bool MayReview(Caller caller, Department? acting) =>
        caller.IsAdmin
        || (acting is not null && caller.Role == Roles.Drc && acting.Id == Department.Drc.Id)
        || (acting is not null && caller.Role == Roles.Department && caller.ActsFor(acting.Name));

    // GetCase, ListCases, GetTimeline. Leaders and departments only read; their writes are gated above.

    /// <param name="departments">Every department approving any item of the case.</param>
    public static bool MayRead(Caller caller, ProjectScope project, IEnumerable<Department> departments) =>
        caller.ReadsEverything
        || OwnsOrAnswersFor(caller, project)
        || (caller.Role == Roles.Department
            && (caller.ActsFor(project.IndustryDepartment) || departments.Any(d => caller.ActsFor(d.Name))))
        || (caller.Role == Roles.Leader && caller.ActsFor(project.LeaderInCharge));

    /// <summary>
    /// The cases <paramref name="caller"/> may read, as a query filter over <paramref name="routes"/> (the routing
    /// table, or any sequence of its rows); the same rule as <see cref="MayRead"/> with <see cref="ProjectScope.Of(CaseRecord, ProjectRoute?)"/>.
    /// </summary>
    public static Expression<Func<CaseRecord, bool>> ReadableBy(Caller caller, IQueryable<ProjectRoute> routes)
    {
        if (caller.ReadsEverything)
        {
            return c => true;
        }

        var unit = caller.Unit?.Trim() ?? "";
        if (unit.Length == 0)
        {
            return c => false;
        }

        switch (caller.Role)
        {
            case Roles.Owner:
                return c => routes.Any(r => r.ProjectId == c.ProjectId && (r.OwnerUnit == unit || r.ResponsibleUnit == unit))
                    || (c.OwnerUnit == unit && !routes.Any(r => r.ProjectId == c.ProjectId));
            case Roles.Department:
                var stored = CaseStore.StoredDepartmentName(unit);
                return c => c.Items.Any(i => i.DepartmentsJson.Contains(stored))
                    || routes.Any(r => r.ProjectId == c.ProjectId && r.IndustryDepartment == unit);
            case Roles.Leader:
                return c => routes.Any(r => r.ProjectId == c.ProjectId && r.LeaderInCharge == unit);
            default:
                return c => false;
        }
    }

    private static bool OwnsOrAnswersFor(Caller caller, ProjectScope project) =>
        caller.Role == Roles.Owner && (caller.ActsFor(project.OwnerUnit) || caller.ActsFor(project.ResponsibleUnit));
}
