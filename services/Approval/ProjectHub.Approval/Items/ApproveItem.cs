using ProjectHub.Approval.Wire;
using V1 = ProjectHub.Approval.V1;

namespace ProjectHub.Approval.Items;

/// <summary>One department signs off; the item is approved once every listed department has (联审会办).</summary>
public sealed class ApproveItem(ItemChange change)
{
    public Task<V1.ApprovalItem> HandleAsync(V1.ApproveItemRequest request, string actor, CancellationToken cancellationToken)
    {
        var validation = new RequestValidation();
        validation.Required("department_id", request.DepartmentId);
        return change.RunAsync(request.CaseId, request.Kind, validation,
            (item, at) => item.Approve(request.DepartmentId, actor, at, SubmitItem.NullIfEmpty(request.Note)), cancellationToken);
    }
}
