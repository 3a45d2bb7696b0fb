using ProjectHub.Approval.Cases;
using ProjectHub.Domain;
using ProjectHub.Security;

namespace ProjectHub.Approval.Access;

/// <summary>
/// Turns an <see cref="ApprovalAccess"/> refusal into PERMISSION_DENIED, before anything is written. The message is
/// Chinese, like every text of this service a person reads: who the token says the caller is, and what it may not do.
/// </summary>
public static class AccessGuard
{
    public static void RequireReadableBy(this LoadedCase loaded, Caller caller)
    {
        if (!ApprovalAccess.MayRead(caller, loaded.Scope, loaded.Departments))
        {
            throw caller.DeniedInChinese($"查看项目 {loaded.Record.ProjectId} 的审批案件");
        }
    }

    public static void RequireMaySubmit(this LoadedCase loaded, Caller caller)
    {
        if (!ApprovalAccess.MaySubmit(caller, loaded.Scope))
        {
            throw caller.DeniedInChinese($"提交项目 {loaded.Record.ProjectId} 的审批事项");
        }
    }

    public static void RequireMayReview(this LoadedItem item, Caller caller, string departmentId)
    {
        var acting = item.Item.Reviews.Select(r => r.Department).FirstOrDefault(d => d.Id == departmentId);
        if (!ApprovalAccess.MayReview(caller, acting))
        {
            throw caller.DeniedInChinese($"代表{acting?.Name ?? departmentId}办理{item.Item.Requirement.DisplayName}");
        }
    }

    /// <summary>Refuses unless <paramref name="allowed"/> (an <see cref="ApprovalAccess"/> answer).</summary>
    public static void Require(this Caller caller, bool allowed, string what)
    {
        if (!allowed)
        {
            throw caller.DeniedInChinese(what);
        }
    }
}
