using ProjectHub.Approval.Access;
using ProjectHub.Approval.Cases;
using ProjectHub.Approval.Domain;
using ProjectHub.Domain;
using ProjectHub.Security;

namespace ProjectHub.Approval.Items;

/// <summary>受理: the clock starts (or resumes after a return) on the acceptance day.</summary>
public sealed class AcceptItem(ItemChange change, ApprovalRules rules)
{
    /// <param name="kind">Null when the request named no kind this API knows.</param>
    public Task<LoadedItem> HandleAsync(
        string caseId, ApprovalItemKind? kind, string departmentId, string note, Caller caller, CancellationToken cancellationToken)
    {
        caller.Require(ApprovalAccess.MayReviewItems(caller), "受理审批事项");
        var validation = new Violations();
        validation.Required("department_id", departmentId);
        departmentId = validation.Department(rules, "department_id", departmentId);
        validation.Note(note);
        return change.RunAsync(caseId, kind, validation,
            (_, item) => item.RequireMayReview(caller, departmentId),
            (item, at) => item.Accept(departmentId, caller.Subject, at, SubmitItem.NullIfEmpty(note)), cancellationToken);
    }
}
