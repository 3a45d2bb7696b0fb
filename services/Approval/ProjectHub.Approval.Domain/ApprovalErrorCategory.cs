namespace ProjectHub.Approval.Domain;

/// <summary>
/// How an <see cref="ApprovalErrorReason"/> is reported (the kind of the <see cref="ProjectHub.Domain.DomainException"/>
/// that <see cref="ApprovalErrors.Refusal"/> builds, and so the gRPC status family).
/// </summary>
public enum ApprovalErrorCategory
{
    FailedPrecondition,
    InvalidArgument,
    NotFound,
}
