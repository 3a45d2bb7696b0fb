using ProjectHub.Approval.Authorization;
using ProjectHub.Approval.Wire;
using ProjectHub.Security;
using V1 = ProjectHub.Approval.V1;

namespace ProjectHub.Approval.Items;

/// <summary>受理: the clock starts (or resumes after a return) on the acceptance day.</summary>
public sealed class AcceptItem(ItemChange change)
{
    public Task<V1.ApprovalItem> HandleAsync(V1.AcceptItemRequest request, Caller caller, CancellationToken cancellationToken)
    {
        caller.Require(ApprovalAccess.MayReviewItems(caller), "accept approval items");
        var validation = new RequestValidation();
        validation.Required("department_id", request.DepartmentId);
        validation.Note(request.Note);
        return change.RunAsync(request.CaseId, request.Kind, validation,
            (_, item) => item.RequireMayReview(caller, request.DepartmentId),
            (item, at) => item.Accept(request.DepartmentId, caller.Subject, at, SubmitItem.NullIfEmpty(request.Note)), cancellationToken);
    }
}
