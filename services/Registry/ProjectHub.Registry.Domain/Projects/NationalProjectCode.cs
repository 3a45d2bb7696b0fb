using System.Diagnostics.CodeAnalysis;

namespace ProjectHub.Registry.Domain.Projects;

/// <summary>
/// The 24-character code the national online approval platform assigns, <c>YYYY-RRRRRR-II-TT-NNNNNN</c>:
/// <list type="bullet">
/// <item><c>YYYY</c> — the year the code was assigned: four digits, from <see cref="EarliestYear"/> to the current year
/// (a code is never assigned in the future).</item>
/// <item><c>RRRRRR</c> — six digits, the administrative division code of the place the project was filed.</item>
/// <item><c>II</c> — two digits, the industry.</item>
/// <item><c>TT</c> — two digits, the project type (the approval route).</item>
/// <item><c>NNNNNN</c> — six digits, the platform's serial number.</item>
/// </list>
/// Parts are separated by ASCII hyphens and hold ASCII digits only: full-width digits or dashes from a Chinese
/// input method are rejected rather than silently converted, so the stored code matches the platform's exactly.
/// </summary>
public sealed record NationalProjectCode(int Year, string Region, string Industry, string Type, string Serial)
{
    /// <summary>Exact length of a code.</summary>
    public const int Length = 24;

    /// <summary>
    /// Oldest year accepted. Deliberately loose: projects keyed in from older systems may carry early years, and
    /// refusing a real code blocks registration while accepting an odd one costs little.
    /// </summary>
    public const int EarliestYear = 2000;

    private static readonly int[] HyphenPositions = [4, 11, 14, 17];

    public override string ToString() => $"{Year:D4}-{Region}-{Industry}-{Type}-{Serial}";

    /// <summary>
    /// Parses <paramref name="text"/>; on failure <paramref name="problem"/> is an English sentence naming the first
    /// thing wrong. <paramref name="currentYear"/> is the year of today's date in Asia/Shanghai.
    /// </summary>
    public static bool TryParse(
        string? text,
        int currentYear,
        [NotNullWhen(true)] out NationalProjectCode? code,
        [NotNullWhen(false)] out string? problem)
    {
        code = null;
        if (string.IsNullOrEmpty(text))
        {
            problem = "The national project code is empty.";
            return false;
        }

        if (text.Length != Length)
        {
            problem = $"The national project code must be {Length} characters in the form YYYY-RRRRRR-II-TT-NNNNNN; it has {text.Length}.";
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var hyphenHere = HyphenPositions.Contains(i);
            if (hyphenHere && text[i] != '-')
            {
                problem = $"The national project code must have a hyphen at position {i + 1} (form YYYY-RRRRRR-II-TT-NNNNNN).";
                return false;
            }

            if (!hyphenHere && !char.IsAsciiDigit(text[i]))
            {
                problem = $"The national project code must have a digit 0-9 at position {i + 1} (form YYYY-RRRRRR-II-TT-NNNNNN).";
                return false;
            }
        }

        var year = int.Parse(text.AsSpan(0, 4), provider: System.Globalization.CultureInfo.InvariantCulture);
        if (year < EarliestYear || year > currentYear)
        {
            problem = $"The national project code's year {year} is not plausible; it must be between {EarliestYear} and {currentYear}.";
            return false;
        }

        code = new NationalProjectCode(year, text[5..11], text[12..14], text[15..17], text[18..24]);
        problem = null;
        return true;
    }
}
