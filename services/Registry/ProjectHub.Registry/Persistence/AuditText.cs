using System.Globalization;

namespace ProjectHub.Registry.Persistence;

/// <summary>How values read in the change lines of audit records: dates as YYYY-MM-DD, as everywhere a person reads them.</summary>
public static class AuditText
{
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Empty for no date.</summary>
    public static string Date(DateOnly? date) => date is { } d ? Date(d) : "";
}
