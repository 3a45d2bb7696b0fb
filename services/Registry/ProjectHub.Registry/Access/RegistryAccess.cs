using ProjectHub.Domain;
using ProjectHub.Registry.Persistence;
using ProjectHub.Security;

namespace ProjectHub.Registry.Access;

/// <summary>
/// Who may do what in the registry (issue #7): the one place its rules live. DRC and admin manage the list;
/// a project's owner (its owner or responsible unit) reports progress, and admin may stand in; DRC, inspector
/// and admin read everything, while owner, department and leader read only their own projects. Handlers check
/// before they write, and lists are narrowed in the query (<see cref="Visible"/>) so paging stays right.
/// </summary>
public static class RegistryAccess
{
    /// <summary>Register, update, replan, change stage, exit, evaluate lights.</summary>
    public static bool MayManage(Caller caller) => caller.HasRole(Roles.Drc, Roles.Admin);

    /// <summary>Whether the role submits progress reports at all; which project is <see cref="MayReport"/>.</summary>
    public static bool MayReportAtAll(Caller caller) => caller.HasRole(Roles.Owner, Roles.Admin);

    /// <summary>The DRC does not report for owners; admin may, e.g. to load data.</summary>
    public static bool MayReport(Caller caller, ProjectRow project) =>
        caller.IsAdmin || (caller.Role == Roles.Owner && Owns(caller, project));

    public static bool MayRead(Caller caller, ProjectRow project) => caller.ReadsEverything || caller.Role switch
    {
        Roles.Owner => Owns(caller, project),
        Roles.Department => caller.ActsFor(project.IndustryDepartment),
        Roles.Leader => caller.ActsFor(project.LeaderInCharge),
        _ => false,
    };

    /// <summary>
    /// The projects the caller may read, as a query filter (the same rule as <see cref="MayRead"/>, in SQL).
    /// Units are stored trimmed and compared exactly, as <see cref="Caller.ActsFor"/> does.
    /// </summary>
    public static IQueryable<ProjectRow> Visible(this IQueryable<ProjectRow> projects, Caller caller)
    {
        if (caller.ReadsEverything)
        {
            return projects;
        }

        var unit = caller.Unit;
        return (caller.Role, unit) switch
        {
            (_, null) => projects.Where(p => false),
            (Roles.Owner, _) => projects.Where(p => p.OwnerUnit == unit || p.ResponsibleUnit == unit),
            (Roles.Department, _) => projects.Where(p => p.IndustryDepartment == unit),
            (Roles.Leader, _) => projects.Where(p => p.LeaderInCharge == unit),
            _ => projects.Where(p => false),
        };
    }

    public static void RequireManage(Caller caller, string what)
    {
        if (!MayManage(caller))
        {
            throw caller.DeniedInChinese(what);
        }
    }

    public static void RequireRead(Caller caller, ProjectRow project)
    {
        if (!MayRead(caller, project))
        {
            throw caller.DeniedInChinese($"查看项目 {project.Id}");
        }
    }

    public static void RequireReportAtAll(Caller caller)
    {
        if (!MayReportAtAll(caller))
        {
            throw caller.DeniedInChinese("填报进度");
        }
    }

    public static void RequireReport(Caller caller, ProjectRow project)
    {
        if (!MayReport(caller, project))
        {
            throw caller.DeniedInChinese($"填报项目 {project.Id} 的进度");
        }
    }

    private static bool Owns(Caller caller, ProjectRow project) =>
        caller.ActsFor(project.OwnerUnit) || caller.ActsFor(project.ResponsibleUnit);
}
