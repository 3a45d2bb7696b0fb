namespace ProjectHub.Escalation.Domain.Errors;

public static class EscalationErrorCodes
{
    /// <summary>Which status family <paramref name="code"/> belongs to.</summary>
    public static EscalationErrorCategory CategoryOf(EscalationErrorCode code) => code switch
    {
        EscalationErrorCode.ActorRequired
            or EscalationErrorCode.ProjectRequired
            or EscalationErrorCode.DescriptionRequired
            or EscalationErrorCode.UnknownCategory
            or EscalationErrorCode.UnknownKind
            or EscalationErrorCode.ReasonRequired
            or EscalationErrorCode.ResolutionRequired => EscalationErrorCategory.InvalidArgument,
        EscalationErrorCode.NotRaiser => EscalationErrorCategory.PermissionDenied,
        _ => EscalationErrorCategory.FailedPrecondition,
    };

    /// <summary>The wire name of a code, e.g. <c>TOP_TIER_REACHED</c>: the reason clients see in ErrorInfo.</summary>
    public static string WireName(EscalationErrorCode code) => ProjectHub.Domain.DomainException.ReasonOf(code);
}
