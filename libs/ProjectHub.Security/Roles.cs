namespace ProjectHub.Security;

/// <summary>The roles of the domain brief ("People"), as they appear in a token's <c>role</c> claim.</summary>
public static class Roles
{
    /// <summary>DRC staff (发改委): register, edit, re-tier and exit projects; see everything.</summary>
    public const string Drc = "drc";

    /// <summary>A project's owner unit (业主单位): reports and raises problems for its own projects only.</summary>
    public const string Owner = "owner";

    /// <summary>An industry department (行业主管部门): its tier of the ladder and its approvals, in its industry.</summary>
    public const string Department = "department";

    /// <summary>A named leader at a ladder tier: problems at its tier, alerts for its portfolio.</summary>
    public const string Leader = "leader";

    /// <summary>Discipline inspection (纪委监委): reads everything, writes nothing.</summary>
    public const string Inspector = "inspector";

    /// <summary>Operators: everything.</summary>
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Drc, Owner, Department, Leader, Inspector, Admin];

    /// <summary>Roles whose scope is a named unit (the owner unit, the department, the leader) carried in the token.</summary>
    public static bool NeedsUnit(string role) => role is Owner or Department or Leader;

    public static bool IsKnown(string? role) => role is not null && All.Contains(role, StringComparer.Ordinal);
}
