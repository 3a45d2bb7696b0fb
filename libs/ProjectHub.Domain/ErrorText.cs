using System.Globalization;
using System.Text;

namespace ProjectHub.Domain;

/// <summary>
/// Quoting what a caller sent inside an error message. A message should say which value was wrong, not carry it
/// whole: a 1 MiB value echoed back makes an error no client can read, and control characters would reach a terminal.
/// </summary>
public static class ErrorText
{
    /// <summary>Characters of the value quoted; the rest is replaced by "…".</summary>
    public const int QuotedLength = 40;

    /// <summary>
    /// The value in double quotes, cut after <see cref="QuotedLength"/> characters (never inside one) with "…", and
    /// control characters shown as escapes such as \u001B.
    /// </summary>
    public static string Quote(string? value)
    {
        var builder = new StringBuilder("\"");
        var count = 0;
        foreach (var rune in (value ?? "").EnumerateRunes())
        {
            if (count++ == QuotedLength)
            {
                builder.Append('…');
                break;
            }

            if (Rune.IsControl(rune))
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\u{rune.Value:X4}");
            }
            else
            {
                builder.Append(rune.ToString());
            }
        }

        return builder.Append('"').ToString();
    }
}
