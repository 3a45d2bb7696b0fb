namespace ProjectHub.Approval.Domain;

/// <summary>Configuration of one item kind: who approves it and within how many working days.</summary>
/// <param name="DisplayName">Name shown to people, e.g. 初步设计.</param>
/// <param name="Departments">
/// Approving departments. More than one makes the item a joint review (联审会办): all must approve, in parallel.
/// </param>
/// <param name="TimeLimitWorkingDays">Limit counted from acceptance, before any green-channel reduction.</param>
public sealed record ApprovalItemRule(
    ApprovalItemKind Kind,
    string DisplayName,
    IReadOnlyList<Department> Departments,
    int TimeLimitWorkingDays)
{
    public bool IsJointReview => Departments.Count > 1;
}
