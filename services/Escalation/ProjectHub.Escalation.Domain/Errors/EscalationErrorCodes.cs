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

    /// <summary>The wire name of a code, e.g. <c>TOP_TIER_REACHED</c>, for error details sent to clients.</summary>
    public static string WireName(EscalationErrorCode code)
    {
        var name = code.ToString();
        var builder = new System.Text.StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]))
            {
                builder.Append('_');
            }

            builder.Append(char.ToUpperInvariant(name[i]));
        }

        return builder.ToString();
    }
}
