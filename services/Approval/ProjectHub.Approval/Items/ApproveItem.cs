using ProjectHub.Approval.Access;
using ProjectHub.Approval.Cases;
using ProjectHub.Approval.Domain;
using ProjectHub.Domain;
using ProjectHub.Security;

namespace ProjectHub.Approval.Items;

/// <summary>One department signs off; the item is approved once every listed department has (联审会办).</summary>
public sealed class ApproveItem(ItemChange change, ApprovalRules rules)
{
    /// <param name="kind">Null when the request named no kind this API knows.</param>
    public Task<LoadedItem> HandleAsync(
        string caseId, ApprovalItemKind? kind, string departmentId, string note, Caller caller, CancellationToken cancellationToken)
    {
        caller.Require(ApprovalAccess.MayReviewItems(caller), "批准审批事项");
        var validation = new Violations();
        validation.Required("department_id", departmentId);
        departmentId = validation.Department(rules, "department_id", departmentId);
        validation.Note(note);
        return change.RunAsync(caseId, kind, validation,
            (_, item) => item.RequireMayReview(caller, departmentId),
            (item, at) => item.Approve(departmentId, caller.Subject, at, SubmitItem.NullIfEmpty(note)), cancellationToken);
    }
}
