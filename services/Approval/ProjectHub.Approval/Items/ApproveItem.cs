using ProjectHub.Approval.Authorization;
using ProjectHub.Approval.Wire;
using ProjectHub.Security;
using V1 = ProjectHub.Approval.V1;

namespace ProjectHub.Approval.Items;

/// <summary>One department signs off; the item is approved once every listed department has (联审会办).</summary>
public sealed class ApproveItem(ItemChange change)
{
    public Task<V1.ApprovalItem> HandleAsync(V1.ApproveItemRequest request, Caller caller, CancellationToken cancellationToken)
    {
        caller.Require(ApprovalAccess.MayReviewItems(caller), "approve approval items");
        var validation = new RequestValidation();
        validation.Required("department_id", request.DepartmentId);
        validation.Note(request.Note);
        return change.RunAsync(request.CaseId, request.Kind, validation,
            (_, item) => item.RequireMayReview(caller, request.DepartmentId),
            (item, at) => item.Approve(request.DepartmentId, caller.Subject, at, SubmitItem.NullIfEmpty(request.Note)), cancellationToken);
    }
}
