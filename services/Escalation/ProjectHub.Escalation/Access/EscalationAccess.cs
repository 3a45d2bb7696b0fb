using System.Linq.Expressions;
using ProjectHub.Escalation.Domain.Alerts;
using ProjectHub.Escalation.Domain.Ladders;
using ProjectHub.Escalation.Persistence;
using ProjectHub.Hosting.Projects;
using ProjectHub.Hosting.Security;
using ProjectHub.Security;

namespace ProjectHub.Escalation.Access;

/// <summary>
/// Who may do what in the escalation service — the ONE place these rules live. Pure: every method decides from the
/// caller (its token), the project's routing (null when this service has never heard of the project) and the
/// problem's current tier, so the use cases check before they write anything.
/// <list type="bullet">
/// <item>drc and admin: everything; inspector: reads everything, writes nothing.</item>
/// <item>Acknowledge / resolve / escalate: the current tier's handlers — RESPONSIBLE_UNIT an owner acting for the
/// project's responsible or owner unit; INDUSTRY_DEPARTMENT the project's department; VICE_MAYOR a leader with that
/// tier who is the project's leader in charge; any higher tier a leader with that tier in its claims.</item>
/// <item>Raise: an owner of the project (owner or responsible unit), drc, admin. Departments and leaders handle
/// problems, they do not raise them (the brief's role table gives raising to owners only).</item>
/// <item>Reopen: the raiser (token subject) or drc/admin.</item>
/// <item>Read a problem: its project is in the caller's scope, or (leader) it sits at a tier the leader handles.</item>
/// <item>Alerts: one's own recipient name (the token's unit; a drc caller also the DRC recipient ids); inspector and
/// admin read anyone's; acknowledging is the recipient's or an admin's.</item>
/// </list>
/// </summary>
public static class EscalationAccess
{
    public static bool MayRaise(Caller caller, ProjectRouting? project) =>
        !caller.IsReadOnly
        && (IsDrcOrAdmin(caller) || (caller.Role == Roles.Owner && project is not null && IsOwnerOf(caller, project)));

    public static bool MayReadProblem(Caller caller, ProjectRouting? project, string tierId) =>
        caller.ReadsEverything
        || (project is not null && InProjectScope(caller, project))
        || (caller.Role == Roles.Leader && IsUnboundLeaderTier(tierId) && HandlesTier(caller, tierId));

    /// <summary>Acknowledging, resolving and escalating: the handlers of the problem's current tier.</summary>
    public static bool MayHandle(Caller caller, ProjectRouting? project, string tierId)
    {
        if (caller.IsReadOnly)
        {
            return false;
        }

        if (IsDrcOrAdmin(caller))
        {
            return true;
        }

        return tierId.ToUpperInvariant() switch
        {
            WellKnownTierIds.ResponsibleUnit => caller.Role == Roles.Owner && project is not null && IsOwnerOf(caller, project),
            WellKnownTierIds.IndustryDepartment => caller.Role == Roles.Department && project is not null
                && caller.ActsFor(project.IndustryDepartmentId),
            WellKnownTierIds.ViceMayor => caller.Role == Roles.Leader && HandlesTier(caller, tierId) && project is not null
                && caller.ActsFor(project.LeaderInChargeId),
            "" => false,
            _ => caller.Role == Roles.Leader && HandlesTier(caller, tierId),
        };
    }

    public static bool MayReopen(Caller caller, string raisedBy) =>
        !caller.IsReadOnly && (IsDrcOrAdmin(caller) || string.Equals(caller.Subject, raisedBy, StringComparison.Ordinal));

    public static bool MayReadAlertsOf(Caller caller, string recipientId, RecipientDirectoryOptions directory) =>
        caller.HasRole(Roles.Inspector, Roles.Admin) || IsOwnRecipient(caller, recipientId, directory);

    public static bool MayAcknowledgeAlert(Caller caller, string recipientId, RecipientDirectoryOptions directory) =>
        !caller.IsReadOnly && (caller.IsAdmin || IsOwnRecipient(caller, recipientId, directory));

    /// <summary>
    /// The problems a caller may read, as a filter for lists; the same rule as <see cref="MayReadProblem"/> (a
    /// project this service has no routing for is visible to the roles that read everything only).
    /// </summary>
    public static Expression<Func<ProblemRow, bool>> VisibleProblems(Caller caller, IQueryable<ProjectRoute> routes, Ladder ladder)
    {
        if (caller.ReadsEverything)
        {
            return p => true;
        }

        var unit = caller.Unit ?? "";
        switch (caller.Role)
        {
            case Roles.Owner:
                return p => routes.Any(r => r.ProjectId == p.ProjectId && (r.OwnerUnit == unit || r.ResponsibleUnit == unit));
            case Roles.Department:
                return p => routes.Any(r => r.ProjectId == p.ProjectId && r.IndustryDepartment == unit);
            case Roles.Leader:
                var tiers = ladder.Tiers.Where(t => IsUnboundLeaderTier(t.Id) && HandlesTier(caller, t.Id)).Select(t => t.Id).ToList();
                return p => tiers.Contains(p.TierId) || routes.Any(r => r.ProjectId == p.ProjectId && r.LeaderInCharge == unit);
            default:
                return p => false;
        }
    }

    public static void EnsureMayRaise(Caller caller, ProjectRouting? project)
    {
        if (!MayRaise(caller, project))
        {
            throw caller.Denied($"raise problems for project {project?.ProjectId ?? "(unknown)"}");
        }
    }

    public static void EnsureMayReadProblem(Caller caller, ProjectRouting? project, string projectId, string tierId)
    {
        if (!MayReadProblem(caller, project, tierId))
        {
            throw caller.Denied($"read problems of project {projectId}");
        }
    }

    public static void EnsureMayHandle(Caller caller, ProjectRouting? project, string projectId, string tierId)
    {
        if (!MayHandle(caller, project, tierId))
        {
            throw caller.Denied($"handle problems at tier {(tierId.Length > 0 ? tierId : "(none)")} of project {projectId}");
        }
    }

    public static void EnsureMayReopen(Caller caller, string raisedBy)
    {
        if (!MayReopen(caller, raisedBy))
        {
            throw caller.Denied("reopen a problem it did not raise");
        }
    }

    public static void EnsureMayReadAlertsOf(Caller caller, string recipientId, RecipientDirectoryOptions directory)
    {
        if (!MayReadAlertsOf(caller, recipientId, directory))
        {
            throw caller.Denied($"read the alerts of '{recipientId}'");
        }
    }

    public static void EnsureMayAcknowledgeAlert(Caller caller, string recipientId, RecipientDirectoryOptions directory)
    {
        if (!MayAcknowledgeAlert(caller, recipientId, directory))
        {
            throw caller.Denied($"acknowledge alerts addressed to '{recipientId}'");
        }
    }

    private static bool IsDrcOrAdmin(Caller caller) => caller.HasRole(Roles.Drc, Roles.Admin);

    private static bool IsOwnerOf(Caller caller, ProjectRouting project) =>
        caller.ActsFor(project.OwnerUnitId) || caller.ActsFor(project.ResponsibleUnitId);

    private static bool InProjectScope(Caller caller, ProjectRouting project) => caller.Role switch
    {
        Roles.Owner => IsOwnerOf(caller, project),
        Roles.Department => caller.ActsFor(project.IndustryDepartmentId),
        Roles.Leader => caller.ActsFor(project.LeaderInChargeId),
        _ => false,
    };

    // Tier ids match case-insensitively, as in the ladder and alert routing.
    private static bool HandlesTier(Caller caller, string tierId) =>
        tierId.Length > 0 && caller.Tiers.Any(t => string.Equals(t, tierId, StringComparison.OrdinalIgnoreCase));

    // Tiers seated by leaders that are not bound to the project's leader in charge (常务副市长, the meetings, or a tier a
    // deployment adds): a leader with the tier handles — and so reads — every problem there.
    private static bool IsUnboundLeaderTier(string tierId) => tierId.ToUpperInvariant() is not (
        "" or WellKnownTierIds.ResponsibleUnit or WellKnownTierIds.IndustryDepartment or WellKnownTierIds.ViceMayor);

    private static bool IsOwnRecipient(Caller caller, string recipientId, RecipientDirectoryOptions directory) =>
        caller.ActsFor(recipientId)
        || (caller.Role == Roles.Drc && directory.DrcRecipientIds.Contains(recipientId.Trim(), StringComparer.Ordinal));
}
