namespace ProjectHub.Approval.Domain;

/// <summary>
/// NOT_SUBMITTED → SUBMITTED → IN_REVIEW → APPROVED | RETURNED; RETURNED → (resubmit) SUBMITTED.
/// </summary>
public enum ApprovalItemState
{
    NotSubmitted,
    Submitted,

    /// <summary>Accepted (受理) by the department; the working-day clock runs.</summary>
    InReview,
    Approved,

    /// <summary>Returned for correction (退回补正); the clock is paused until the item is accepted again.</summary>
    Returned,
}
