using ProjectHub.Approval.Wire;
using V1 = ProjectHub.Approval.V1;

namespace ProjectHub.Approval.Items;

/// <summary>受理: the clock starts (or resumes after a return) on the acceptance day.</summary>
public sealed class AcceptItem(ItemChange change)
{
    public Task<V1.ApprovalItem> HandleAsync(V1.AcceptItemRequest request, string actor, CancellationToken cancellationToken)
    {
        var validation = new RequestValidation();
        validation.Required("department_id", request.DepartmentId);
        return change.RunAsync(request.CaseId, request.Kind, validation,
            (item, at) => item.Accept(request.DepartmentId, actor, at, SubmitItem.NullIfEmpty(request.Note)), cancellationToken);
    }
}
