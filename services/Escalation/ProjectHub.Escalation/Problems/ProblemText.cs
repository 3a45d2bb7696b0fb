using System.Globalization;
using ProjectHub.Grpc;

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

    /// <summary>Adds violations for text over <paramref name="maxLength"/> characters or with control characters.</summary>
    public static void Check(List<(string Field, string Description)> into, string field, string? text, int maxLength, bool multiLine)
    {
        if (text is null)
        {
            return;
        }

        var length = text.EnumerateRunes().Count();
        if (length > maxLength)
        {
            into.Add((field, string.Create(CultureInfo.InvariantCulture, $"Must be at most {maxLength} characters; it has {length}.")));
        }

        if (text.Any(c => char.IsControl(c) && !(multiLine && c is '\n' or '\r' or '\t')))
        {
            into.Add((field, multiLine
                ? "Must not contain control characters other than line breaks and tabs."
                : "Must not contain control characters such as line breaks or tabs."));
        }
    }

    /// <summary>A required multi-line text of a command (resolution, reason): refused before the problem is loaded.</summary>
    public static void RequireMultiLine(string? text, string field, int maxLength, string requiredMessage)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw RpcException.InvalidArgument(field, requiredMessage);
        }

        var violations = new List<(string, string)>();
        Check(violations, field, text, maxLength, multiLine: true);
        if (violations.Count > 0)
        {
            throw RpcException.InvalidArgument(string.Join(" ", violations.Select(v => $"{v.Item1}: {v.Item2}")), violations);
        }
    }
}
