using System.Globalization;

namespace ProjectHub.Registry.Tests.Domain;

internal static class Dates
{
    /// <summary>"2025-03-01" → a DateOnly, so test data reads like the calendar.</summary>
    public static DateOnly D(string isoDate) => DateOnly.ParseExact(isoDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
