namespace ProjectHub.Domain;

/// <summary>
/// Why a use case refused: each kind is one gRPC status family, mapped in one place (the hosting library's error
/// interceptor), so rules never know about the wire.
/// </summary>
public enum DomainErrorKind
{
    /// <summary>The request itself is wrong; <see cref="DomainException.Violations"/> names each bad field.</summary>
    InvalidArgument,

    /// <summary>What the request names does not exist (or the caller may not know that it does).</summary>
    NotFound,

    /// <summary>Valid, but not possible in the current state; <see cref="DomainException.Reason"/> says which rule.</summary>
    FailedPrecondition,

    /// <summary>A valid caller outside its scope.</summary>
    PermissionDenied,

    /// <summary>What the request would create exists already.</summary>
    AlreadyExists,

    /// <summary>A concurrent change won; nothing of this request was kept and a retry sees the winner.</summary>
    Aborted,
}
