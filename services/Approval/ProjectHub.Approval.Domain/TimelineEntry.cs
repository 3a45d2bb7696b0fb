namespace ProjectHub.Approval.Domain;

/// <summary>
/// One operation on an item, produced by the domain for the service to persist. A department's sign-off that
/// leaves other departments pending is recorded too, with <see cref="From"/> equal to <see cref="To"/>.
/// Entries carry everything needed to replay them (<see cref="ApprovalItem.Apply"/>).
/// </summary>
/// <param name="DepartmentId">The acting department for Accept, Approve and Return; null for Submit.</param>
/// <param name="Note">Free text; for Return, what must be corrected.</param>
/// <param name="Documents">The full document set for Submit; empty otherwise.</param>
public sealed record TimelineEntry(
    ApprovalItemKind Item,
    ApprovalAction Action,
    ApprovalItemState From,
    ApprovalItemState To,
    string Actor,
    string? DepartmentId,
    DateTimeOffset At,
    string? Note,
    IReadOnlyList<DocumentReference> Documents);
