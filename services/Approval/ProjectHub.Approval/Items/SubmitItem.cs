using ProjectHub.Approval.Access;
using ProjectHub.Approval.Cases;
using ProjectHub.Approval.Domain;
using ProjectHub.Domain;
using ProjectHub.Security;

namespace ProjectHub.Approval.Items;

/// <summary>What SubmitItem is asked to submit.</summary>
/// <param name="Kind">Null when the request named no kind this API knows.</param>
/// <param name="Documents">The documents that could be read; each one that could not is in <paramref name="Problems"/>.</param>
/// <param name="Problems">What could not be read from the request (documents), reported with the other bad fields.</param>
public sealed record SubmitItemCommand(
    string CaseId, ApprovalItemKind? Kind, IReadOnlyList<DocumentReference> Documents, string Note, Violations Problems);

/// <summary>Submits, or resubmits after a return, with the complete document set: the case's owner unit only.</summary>
public sealed class SubmitItem(ItemChange change)
{
    public Task<LoadedItem> HandleAsync(SubmitItemCommand command, Caller caller, CancellationToken cancellationToken)
    {
        caller.Require(ApprovalAccess.MaySubmitItems(caller), "提交审批事项");
        var validation = new Violations();
        validation.AddRange(command.Problems.Items);
        validation.Note(command.Note);
        // None given at all; documents given but unreadable are named by the problems above.
        if (command.Documents.Count == 0 && !command.Problems.Any)
        {
            validation.Add("documents", "至少需要一份材料。");
        }

        return change.RunAsync(command.CaseId, command.Kind, validation,
            (loaded, _) => loaded.RequireMaySubmit(caller),
            (item, at) => item.Submit(command.Documents, caller.Subject, at, NullIfEmpty(command.Note)), cancellationToken);
    }

    internal static string? NullIfEmpty(string note) => string.IsNullOrWhiteSpace(note) ? null : note;
}
