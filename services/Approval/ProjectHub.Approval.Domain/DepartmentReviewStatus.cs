namespace ProjectHub.Approval.Domain;

/// <summary>Where one department stands on an item in the current review round.</summary>
public enum DepartmentReviewStatus
{
    Pending,
    Approved,
    Returned,
}
