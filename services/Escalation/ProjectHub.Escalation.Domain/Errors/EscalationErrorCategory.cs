namespace ProjectHub.Escalation.Domain.Errors;

/// <summary>The families an error falls into; the gRPC layer maps them one-to-one to status codes.</summary>
public enum EscalationErrorCategory
{
    InvalidArgument,
    FailedPrecondition,
    PermissionDenied,
}
