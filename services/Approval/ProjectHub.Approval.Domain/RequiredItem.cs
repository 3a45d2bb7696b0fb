namespace ProjectHub.Approval.Domain;

/// <summary>An item a project needs, with the limit that applies to it.</summary>
/// <param name="BaseTimeLimitWorkingDays">The configured limit.</param>
/// <param name="TimeLimitWorkingDays">The limit in force: halved (rounded up) on the green channel.</param>
public sealed record RequiredItem(
    ApprovalItemKind Kind,
    string DisplayName,
    IReadOnlyList<Department> Departments,
    int BaseTimeLimitWorkingDays,
    int TimeLimitWorkingDays)
{
    public bool IsJointReview => Departments.Count > 1;
}
