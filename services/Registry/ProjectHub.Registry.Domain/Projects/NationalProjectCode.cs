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
    /// Parses <paramref name="text"/>; on failure <paramref name="problem"/> is a Chinese sentence (people read it) naming the first
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
            problem = "国家项目代码为空。";
            return false;
        }

        if (text.Length != Length)
        {
            problem = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"国家项目代码须为 {Length} 位，格式为 YYYY-RRRRRR-II-TT-NNNNNN，当前为 {text.Length} 位。");
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var hyphenHere = HyphenPositions.Contains(i);
            if (hyphenHere && text[i] != '-')
            {
                problem = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"国家项目代码第 {i + 1} 位须为半角连字符“-”（格式为 YYYY-RRRRRR-II-TT-NNNNNN）。");
                return false;
            }

            if (!hyphenHere && !char.IsAsciiDigit(text[i]))
            {
                problem = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"国家项目代码第 {i + 1} 位须为半角数字 0-9（格式为 YYYY-RRRRRR-II-TT-NNNNNN）。");
                return false;
            }
        }

        var year = int.Parse(text.AsSpan(0, 4), provider: System.Globalization.CultureInfo.InvariantCulture);
        if (year < EarliestYear || year > currentYear)
        {
            problem = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"国家项目代码中的年份 {year} 不合理，须在 {EarliestYear} 到 {currentYear} 之间。");
            return false;
        }

        code = new NationalProjectCode(year, text[5..11], text[12..14], text[15..17], text[18..24]);
        problem = null;
        return true;
    }
}
