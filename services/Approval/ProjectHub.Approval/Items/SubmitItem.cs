using ProjectHub.Approval.Wire;
using V1 = ProjectHub.Approval.V1;

namespace ProjectHub.Approval.Items;

/// <summary>Submits, or resubmits after a return, with the complete document set.</summary>
public sealed class SubmitItem(ItemChange change)
{
    public Task<V1.ApprovalItem> HandleAsync(V1.SubmitItemRequest request, string actor, CancellationToken cancellationToken)
    {
        var validation = new RequestValidation();
        var documents = validation.Documents("documents", request.Documents);
        if (request.Documents.Count == 0)
        {
            validation.Add("documents", "at least one document is required.");
        }

        return change.RunAsync(request.CaseId, request.Kind, validation,
            (item, at) => item.Submit(documents, actor, at, NullIfEmpty(request.Note)), cancellationToken);
    }

    internal static string? NullIfEmpty(string note) => string.IsNullOrWhiteSpace(note) ? null : note;
}
