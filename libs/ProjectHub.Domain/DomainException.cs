namespace ProjectHub.Domain;

/// <summary>
/// The one way a use case or a rule refuses an operation; nothing was changed. The hosting library turns it into
/// a gRPC status with rich details (BadRequest field violations, ErrorInfo reason, PreconditionFailure).
/// </summary>
public sealed class DomainException : Exception
{
    private DomainException(DomainErrorKind kind, string reason, string message, IReadOnlyList<FieldViolation> violations, string? subject)
        : base(message)
    {
        Kind = kind;
        Reason = reason;
        Violations = violations;
        Subject = subject;
    }

    public DomainErrorKind Kind { get; }

    /// <summary>
    /// A stable machine-readable reason in UPPER_SNAKE_CASE (e.g. <c>TOP_TIER_REACHED</c>); clients switch on it, so
    /// never rename one. Empty where the kind says enough (most invalid arguments).
    /// </summary>
    public string Reason { get; }

    /// <summary>Every bad field, for <see cref="DomainErrorKind.InvalidArgument"/>; empty otherwise.</summary>
    public IReadOnlyList<FieldViolation> Violations { get; }

    /// <summary>What the failed precondition is about, e.g. <c>projects/0193…</c>; null when the request says it.</summary>
    public string? Subject { get; }

    public static DomainException Invalid(string message, IEnumerable<FieldViolation> violations, string reason = "") =>
        new(DomainErrorKind.InvalidArgument, reason, message, [.. violations], null);

    /// <summary>One bad field; the message is "<paramref name="field"/>: <paramref name="description"/>".</summary>
    public static DomainException Invalid(string field, string description) =>
        Invalid($"{field}: {description}", [new FieldViolation(field, description)]);

    public static DomainException NotFound(string message, string reason = "") =>
        new(DomainErrorKind.NotFound, reason, message, [], null);

    public static DomainException Precondition(string reason, string message, string? subject = null) =>
        new(DomainErrorKind.FailedPrecondition, reason, message, [], subject);

    public static DomainException Denied(string message, string reason = "") =>
        new(DomainErrorKind.PermissionDenied, reason, message, [], null);

    public static DomainException Exists(string reason, string message, string? subject = null) =>
        new(DomainErrorKind.AlreadyExists, reason, message, [], subject);

    public static DomainException Conflict(string message, string reason = "") =>
        new(DomainErrorKind.Aborted, reason, message, [], null);

    /// <summary>The UPPER_SNAKE_CASE reason for a PascalCase code name, e.g. TopTierReached → TOP_TIER_REACHED.</summary>
    public static string ReasonOf(Enum code) => ReasonOf(code.ToString());

    public static string ReasonOf(string pascalCase)
    {
        var builder = new System.Text.StringBuilder(pascalCase.Length + 8);
        for (var i = 0; i < pascalCase.Length; i++)
        {
            if (i > 0 && char.IsUpper(pascalCase[i]))
            {
                builder.Append('_');
            }

            builder.Append(char.ToUpperInvariant(pascalCase[i]));
        }

        return builder.ToString();
    }
}
