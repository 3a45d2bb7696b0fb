using System.Globalization;

namespace ProjectHub.Domain;

/// <summary>Checks for text typed by people: length as a reader counts it, and no stray control characters.</summary>
public static class TextRules
{
    /// <summary>Length in Unicode characters, so a Chinese name is measured as a reader counts it.</summary>
    public static int Length(string text) => text.EnumerateRunes().Count();

    /// <summary>
    /// Line breaks and tabs are allowed only where <paramref name="multiLine"/> (narratives, reasons); everywhere else
    /// they usually come from a bad paste and break listings.
    /// </summary>
    public static bool HasControlCharacter(string text, bool multiLine) =>
        text.Any(c => char.IsControl(c) && !(multiLine && c is '\n' or '\r' or '\t'));

    /// <summary>Adds a violation for text over <paramref name="maxLength"/> characters and one for control characters.</summary>
    public static void Check(Violations into, string field, string? text, int maxLength, bool multiLine = false)
    {
        if (text is null)
        {
            return;
        }

        var length = Length(text);
        if (length > maxLength)
        {
            into.Add(field, string.Create(CultureInfo.InvariantCulture, $"Must be at most {maxLength} characters; it has {length}."));
        }

        if (HasControlCharacter(text, multiLine))
        {
            into.Add(field, multiLine
                ? "Must not contain control characters other than line breaks and tabs."
                : "Must not contain control characters such as line breaks or tabs.");
        }
    }
}
