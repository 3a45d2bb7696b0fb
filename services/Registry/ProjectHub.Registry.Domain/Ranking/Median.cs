namespace ProjectHub.Registry.Domain.Ranking;

internal static class Median
{
    /// <summary>Middle value; the mean of the two middle values for an even count; null for none.</summary>
    public static decimal? Of(IEnumerable<int> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return null;
        }

        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2m;
    }
}
