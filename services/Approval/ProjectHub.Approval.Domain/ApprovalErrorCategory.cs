namespace ProjectHub.Approval.Domain;

/// <summary>How the service layer should report an <see cref="ApprovalErrorReason"/> (gRPC status codes).</summary>
public enum ApprovalErrorCategory
{
    FailedPrecondition,
    InvalidArgument,
    NotFound,
}
