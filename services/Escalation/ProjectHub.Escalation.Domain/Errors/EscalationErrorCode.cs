namespace ProjectHub.Escalation.Domain.Errors;

/// <summary>
/// Machine-readable reasons an operation is refused. Stable: clients match on the name, so never rename one.
/// <see cref="EscalationErrorCodes.CategoryOf"/> says which gRPC status family each belongs to.
/// </summary>
public enum EscalationErrorCode
{
    // Bad input (INVALID_ARGUMENT).
    ActorRequired,
    ProjectRequired,
    DescriptionRequired,
    UnknownCategory,
    UnknownKind,
    ReasonRequired,
    ResolutionRequired,

    // Not possible in the problem's current state (FAILED_PRECONDITION).
    AlreadyResolved,
    AlreadyAcknowledged,
    NotResolved,
    TopTierReached,
    NotSupervisionCase,
    InvalidTransition,

    // The caller may not do this (PERMISSION_DENIED).
    NotRaiser,
}
