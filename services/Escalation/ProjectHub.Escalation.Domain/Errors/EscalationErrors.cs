using ProjectHub.Domain;

namespace ProjectHub.Escalation.Domain.Errors;

/// <summary>The escalation rules' refusals, as the one domain-error type every service throws.</summary>
public static class EscalationErrors
{
    /// <summary>
    /// A refusal with <paramref name="code"/> as its reason (e.g. TOP_TIER_REACHED) and the status family its
    /// category calls for; bad input also names the request field.
    /// </summary>
    public static DomainException Refusal(EscalationErrorCode code, string message)
    {
        var reason = DomainException.ReasonOf(code);
        return EscalationErrorCodes.CategoryOf(code) switch
        {
            EscalationErrorCategory.InvalidArgument => DomainException.Invalid(message, [new FieldViolation(FieldOf(code), message)], reason),
            EscalationErrorCategory.PermissionDenied => DomainException.Denied(message, reason),
            _ => DomainException.Precondition(reason, message),
        };
    }

    /// <summary>The request field a bad-input code is about.</summary>
    private static string FieldOf(EscalationErrorCode code) => code switch
    {
        EscalationErrorCode.ProjectRequired => "project_id",
        EscalationErrorCode.DescriptionRequired => "description",
        EscalationErrorCode.UnknownCategory => "category",
        EscalationErrorCode.ReasonRequired => "reason",
        EscalationErrorCode.ResolutionRequired => "resolution",
        EscalationErrorCode.ActorRequired => "authorization", // the actor is the token's subject
        _ => "",
    };
}
