namespace ProjectHub.Approval.Domain;

/// <summary>Machine-readable reason a domain operation was refused. Names are stable: clients may switch on them.</summary>
public enum ApprovalErrorReason
{
    // State preconditions (FAILED_PRECONDITION).

    /// <summary>Submit while the item is already submitted or in review.</summary>
    AlreadySubmitted,

    /// <summary>Accept while nothing new has been submitted (NOT_SUBMITTED or RETURNED).</summary>
    NotSubmitted,

    /// <summary>Accept while the item is already in review.</summary>
    AlreadyAccepted,

    /// <summary>Approve or return while the item is not in review (not yet accepted, or returned).</summary>
    NotAccepted,

    /// <summary>Any change to an approved item.</summary>
    AlreadyApproved,

    /// <summary>The department has already approved this round.</summary>
    DepartmentAlreadyApproved,

    // Bad input (INVALID_ARGUMENT).

    /// <summary>The acting department is not one of the item's departments.</summary>
    DepartmentNotOnItem,

    DocumentsRequired,
    DuplicateDocument,

    /// <summary>A document reference field is invalid; the refusal's field violation names it.</summary>
    InvalidDocument,

    /// <summary>A return needs a note saying what to correct.</summary>
    ReasonRequired,
    ActorRequired,

    /// <summary>The operation's time is before the item's last change.</summary>
    OutOfOrder,
    InvalidInvestment,

    // Missing things (NOT_FOUND).

    /// <summary>The project does not need this item.</summary>
    ItemNotRequired,
}
