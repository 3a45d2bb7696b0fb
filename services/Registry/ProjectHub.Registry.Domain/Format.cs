using System.Globalization;

namespace ProjectHub.Registry.Domain;

/// <summary>How numbers and dates appear in the sentences shown to people: culture-independent.</summary>
internal static class Format
{
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Percent or points with two decimals, the precision the rules compare at.</summary>
    public static string Points(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>"1 day", "22 days".</summary>
    public static string Days(int days) => days == 1 ? "1 day" : days.ToString(CultureInfo.InvariantCulture) + " days";
}
