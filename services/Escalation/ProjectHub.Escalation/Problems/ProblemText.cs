using ProjectHub.Domain;

namespace ProjectHub.Escalation.Problems;

/// <summary>
/// Limits on the text people type into problems, consistent with the registry's: ids 200 characters on one line,
/// descriptions and resolutions 4000 and reasons 1000, where line breaks and tabs are allowed but no other control
/// characters (they garble listings and terminals).
/// </summary>
public static class ProblemText
{
    public const int MaxProjectIdLength = 200;
    public const int MaxDescriptionLength = 4000;
    public const int MaxResolutionLength = 4000;
    public const int MaxReasonLength = 1000;

    /// <summary>A required multi-line text of a command (resolution, reason): refused before the problem is loaded.</summary>
    public static void RequireMultiLine(string? text, string field, int maxLength, string requiredMessage)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw DomainException.Invalid(field, requiredMessage);
        }

        var violations = new Violations();
        TextRules.Check(violations, field, text, maxLength, multiLine: true);
        if (violations.Any)
        {
            throw DomainException.Invalid(string.Join(" ", violations.Items.Select(v => $"{v.Field}: {v.Description}")), violations.Items);
        }
    }
}
