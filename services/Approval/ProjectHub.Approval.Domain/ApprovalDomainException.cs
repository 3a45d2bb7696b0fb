namespace ProjectHub.Approval.Domain;

/// <summary>A domain rule refused an operation. Nothing was changed.</summary>
public sealed class ApprovalDomainException : Exception
{
    public ApprovalDomainException(ApprovalErrorReason reason, string message, string? field = null)
        : base(message)
    {
        Reason = reason;
        Field = field;
    }

    public ApprovalErrorReason Reason { get; }

    /// <summary>The offending input field, when one is to blame (e.g. <c>sha256</c>).</summary>
    public string? Field { get; }

    public ApprovalErrorCategory Category => CategoryOf(Reason);

    public static ApprovalErrorCategory CategoryOf(ApprovalErrorReason reason) => reason switch
    {
        ApprovalErrorReason.AlreadySubmitted
            or ApprovalErrorReason.NotSubmitted
            or ApprovalErrorReason.AlreadyAccepted
            or ApprovalErrorReason.NotAccepted
            or ApprovalErrorReason.AlreadyApproved
            or ApprovalErrorReason.DepartmentAlreadyApproved => ApprovalErrorCategory.FailedPrecondition,
        ApprovalErrorReason.ItemNotRequired => ApprovalErrorCategory.NotFound,
        _ => ApprovalErrorCategory.InvalidArgument,
    };
}
