using System.Globalization;
using ProjectHub.Registry.V1;

namespace ProjectHub.Cli.Output;

/// <summary>How a light looks in a terminal: a coloured dot and its Chinese name (colour is lost in pipes, the word is not).</summary>
public static class Lights
{
    public static string Markup(Light light) => light switch
    {
        Light.Red => "[red]●[/] 红灯",
        Light.Yellow => "[yellow]●[/] 黄灯",
        Light.Green => "[green]●[/] 绿灯",
        _ => "[grey]○[/] 未亮灯",
    };

    /// <summary>
    /// An amount in 万元 as people read it: thousands separators and no spurious decimals ("218,000", "1,234.56"),
    /// whatever scale the value was sent with ("218000.0"); the exact value is in --output json.
    /// </summary>
    public static string Money(ProjectHub.Type.V1.Decimal? value) => Number(value);

    /// <summary>A percentage or other decimal, formatted like <see cref="Money"/>.</summary>
    public static string Number(ProjectHub.Type.V1.Decimal? value)
    {
        if (value is null || value.Value.Length == 0)
        {
            return "-";
        }

        return decimal.TryParse(value.Value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount)
            ? amount.ToString("#,0.############", CultureInfo.InvariantCulture)
            : value.Value;
    }

    /// <summary>A tier in Chinese as the web board names it, with the spelling --tier takes.</summary>
    public static string Tier(ProjectTier tier) => ChineseNames.Tier(tier) + (tier == ProjectTier.Unspecified ? "" : " " + Input.Name(tier));

    /// <summary>The board's tier rows are keyed by the tier's name without prefix (NATIONAL).</summary>
    public static string TierKey(string key) =>
        Enum.GetValues<ProjectTier>().FirstOrDefault(t => t != ProjectTier.Unspecified && string.Equals(Input.Name(t), key, StringComparison.OrdinalIgnoreCase)) is var tier
            && tier != ProjectTier.Unspecified ? Tier(tier) : key;
}
