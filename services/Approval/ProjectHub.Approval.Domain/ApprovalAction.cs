namespace ProjectHub.Approval.Domain;

/// <summary>The operation a timeline entry records.</summary>
public enum ApprovalAction
{
    Submit,

    /// <summary>受理: a department accepts the submission for review; the clock starts or resumes.</summary>
    Accept,

    /// <summary>One department signs off; the item is approved when the last one does.</summary>
    Approve,

    /// <summary>退回补正: one department returns the item for correction.</summary>
    Return,
}
