namespace ProjectHub.Approval.Domain;

/// <summary>One department's position on an item.</summary>
/// <param name="SignedDocuments">SHA-256 hashes of the documents the department approved; empty unless approved.</param>
public sealed record DepartmentReview(
    Department Department,
    DepartmentReviewStatus Status,
    IReadOnlySet<string> SignedDocuments)
{
    public static DepartmentReview Pending(Department department) =>
        new(department, DepartmentReviewStatus.Pending, new HashSet<string>());
}
