using System.Globalization;

namespace ProjectHub.Registry.Domain.Validation;

/// <summary>Shared checks for free text typed by people.</summary>
internal static class TextChecks
{
    /// <summary>Length in Unicode characters, so a Chinese name is measured as a reader counts it.</summary>
    public static int Length(string text) => text.EnumerateRunes().Count();

    /// <summary>
    /// Appends violations for over-long text and control characters. Line breaks are allowed only where the
    /// field is multi-line (narratives); everywhere else they usually come from a bad paste and break listings.
    /// </summary>
    public static void Check(List<FieldViolation> into, string field, string? text, int maxLength, bool multiLine = false)
    {
        if (text is null)
        {
            return;
        }

        var length = Length(text);
        if (length > maxLength)
        {
            into.Add(new FieldViolation(field, string.Create(CultureInfo.InvariantCulture,
                $"Must be at most {maxLength} characters; it has {length}.")));
        }

        if (HasControlCharacter(text, multiLine))
        {
            into.Add(new FieldViolation(field, multiLine
                ? "Must not contain control characters other than line breaks and tabs."
                : "Must not contain control characters such as line breaks or tabs."));
        }
    }

    public static bool HasControlCharacter(string text, bool multiLine) =>
        text.Any(c => char.IsControl(c) && !(multiLine && c is '\n' or '\r' or '\t'));
}
