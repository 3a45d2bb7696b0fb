using ProjectHub.Approval.Authorization;
using ProjectHub.Approval.Wire;
using ProjectHub.Security;
using V1 = ProjectHub.Approval.V1;

namespace ProjectHub.Approval.Items;

/// <summary>Submits, or resubmits after a return, with the complete document set: the case's owner unit only.</summary>
public sealed class SubmitItem(ItemChange change)
{
    public Task<V1.ApprovalItem> HandleAsync(V1.SubmitItemRequest request, Caller caller, CancellationToken cancellationToken)
    {
        caller.Require(ApprovalAccess.MaySubmitItems(caller), "submit approval items");
        var validation = new RequestValidation();
        var documents = validation.Documents("documents", request.Documents);
        validation.Note(request.Note);
        if (request.Documents.Count == 0)
        {
            validation.Add("documents", "at least one document is required.");
        }

        return change.RunAsync(request.CaseId, request.Kind, validation,
            (loaded, _) => loaded.RequireMaySubmit(caller),
            (item, at) => item.Submit(documents, caller.Subject, at, NullIfEmpty(request.Note)), cancellationToken);
    }

    internal static string? NullIfEmpty(string note) => string.IsNullOrWhiteSpace(note) ? null : note;
}
