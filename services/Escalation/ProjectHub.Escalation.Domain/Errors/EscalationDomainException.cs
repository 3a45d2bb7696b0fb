namespace ProjectHub.Escalation.Domain.Errors;

/// <summary>An operation the domain refuses; <see cref="Code"/> tells the caller why without parsing the message.</summary>
public sealed class EscalationDomainException : Exception
{
    public EscalationDomainException(EscalationErrorCode code, string message)
        : base(message)
    {
        Code = code;
    }

    public EscalationErrorCode Code { get; }

    public EscalationErrorCategory Category => EscalationErrorCodes.CategoryOf(Code);
}
