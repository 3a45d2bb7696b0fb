using ProjectHub.Approval.Authorization;
using ProjectHub.Approval.Wire;
using ProjectHub.Security;
using V1 = ProjectHub.Approval.V1;

namespace ProjectHub.Approval.Items;

/// <summary>退回补正: one department returns the item with what to correct; the clock pauses.</summary>
public sealed class ReturnItem(ItemChange change)
{
    public Task<V1.ApprovalItem> HandleAsync(V1.ReturnItemRequest request, Caller caller, CancellationToken cancellationToken)
    {
        caller.Require(ApprovalAccess.MayReviewItems(caller), "return approval items");
        var validation = new RequestValidation();
        validation.Required("department_id", request.DepartmentId);
        validation.Required("reason", request.Reason);
        return change.RunAsync(request.CaseId, request.Kind, validation,
            (_, item) => item.RequireMayReview(caller, request.DepartmentId),
            (item, at) => item.Return(request.DepartmentId, caller.Subject, at, request.Reason), cancellationToken);
    }
}
