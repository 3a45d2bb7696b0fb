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

    /// <summary>Adds a violation for text over <paramref name="maxLength"/> characters and one for control characters
    /// (worded in Chinese, like every refusal people read).</summary>
    /// <summary>Said of multi-line text (narratives, reasons) holding a control character other than a line break or tab.</summary>
    public const string ControlCharactersExceptLineBreaks = "除换行和制表符外不能含控制字符。";

    public static void Check(Violations into, string field, string? text, int maxLength, bool multiLine = false)
    {
        if (text is null)
        {
            return;
        }

        var length = Length(text);
        if (length > maxLength)
        {
            into.Add(field, string.Create(CultureInfo.InvariantCulture, $"最多 {maxLength} 个字符，当前为 {length} 个。"));
        }

        if (HasControlCharacter(text, multiLine))
        {
            into.Add(field, multiLine
                ? ControlCharactersExceptLineBreaks
                : "不能含换行、制表符等控制字符。");
        }
    }
}
