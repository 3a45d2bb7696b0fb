using ProjectHub.Approval.Access;
using ProjectHub.Approval.Cases;
using ProjectHub.Approval.Domain;
using ProjectHub.Domain;
using ProjectHub.Security;

namespace ProjectHub.Approval.Items;

/// <summary>退回补正: one department returns the item with what to correct; the clock pauses.</summary>
public sealed class ReturnItem(ItemChange change, ApprovalRules rules)
{
    /// <param name="kind">Null when the request named no kind this API knows.</param>
    public Task<LoadedItem> HandleAsync(
        string caseId, ApprovalItemKind? kind, string departmentId, string reason, Caller caller, CancellationToken cancellationToken)
    {
        caller.Require(ApprovalAccess.MayReviewItems(caller), "退回审批事项");
        var validation = new Violations();
        validation.Required("department_id", departmentId);
        departmentId = validation.Department(rules, "department_id", departmentId);
        validation.Required("reason", reason);
        return change.RunAsync(caseId, kind, validation,
            (_, item) => item.RequireMayReview(caller, departmentId),
            (item, at) => item.Return(departmentId, caller.Subject, at, reason), cancellationToken);
    }
}
