using ProjectHub.Approval.Cases;
using ProjectHub.Security;

namespace ProjectHub.Approval.Access;

/// <summary>Turns an <see cref="ApprovalAccess"/> refusal into PERMISSION_DENIED, before anything is written.</summary>
public static class AccessGuard
{
    public static void RequireReadableBy(this LoadedCase loaded, Caller caller)
    {
        if (!ApprovalAccess.MayRead(caller, loaded.Scope, loaded.Departments))
        {
            throw caller.Denied($"read the approval case of project {loaded.Record.ProjectId}");
        }
    }

    public static void RequireMaySubmit(this LoadedCase loaded, Caller caller)
    {
        if (!ApprovalAccess.MaySubmit(caller, loaded.Scope))
        {
            throw caller.Denied($"submit items of project {loaded.Record.ProjectId}");
        }
    }

    public static void RequireMayReview(this LoadedItem item, Caller caller, string departmentId)
    {
        var acting = item.Item.Reviews.Select(r => r.Department).FirstOrDefault(d => d.Id == departmentId);
        if (!ApprovalAccess.MayReview(caller, acting))
        {
            throw caller.Denied($"act for department {departmentId} on {item.Item.Kind}");
        }
    }

    /// <summary>Refuses unless <paramref name="allowed"/> (an <see cref="ApprovalAccess"/> answer).</summary>
    public static void Require(this Caller caller, bool allowed, string what)
    {
        if (!allowed)
        {
            throw caller.Denied(what);
        }
    }
}
