using ProjectHub.Registry.Domain.Lights;
using ProjectHub.Registry.Domain.Projects;

namespace ProjectHub.Registry.Domain.Board;

public static class BoardAggregator
{
    /// <summary>
    /// Counts lights per industry department, locality, leader in charge and tier, and sums the money of every
    /// project given (the caller chooses which projects the board covers). Keys are sorted (ordinal) so the
    /// board lists the same way on every call.
    /// </summary>
    public static BoardSummary Aggregate(IEnumerable<BoardProject> projects)
    {
        var totals = new LightCounts();
        var byDepartment = new SortedDictionary<string, LightCounts>(StringComparer.Ordinal);
        var byLocality = new SortedDictionary<string, LightCounts>(StringComparer.Ordinal);
        var byLeader = new SortedDictionary<string, LightCounts>(StringComparer.Ordinal);
        var byTier = new SortedDictionary<ProjectTier, LightCounts>();
        decimal total = 0m, planned = 0m, completed = 0m;

        foreach (var p in projects)
        {
            totals = totals.Add(p.Light);
            Count(byDepartment, p.IndustryDepartment, p.Light);
            Count(byLocality, p.Locality, p.Light);
            Count(byLeader, p.LeaderInCharge, p.Light);
            Count(byTier, p.Tier, p.Light);
            total += p.TotalInvestment;
            planned += p.YearPlannedInvestment;
            completed += p.YearToDateCompleted;
        }

        decimal? ratio = planned == 0m ? null : Math.Round(completed / planned * 100m, 2, MidpointRounding.AwayFromZero);
        return new BoardSummary(totals, byDepartment, byLocality, byLeader, byTier, total, planned, completed, ratio);
    }

    private static void Count<TKey>(IDictionary<TKey, LightCounts> counts, TKey key, Light light)
        where TKey : notnull =>
        counts[key] = counts.TryGetValue(key, out var current) ? current.Add(light) : new LightCounts().Add(light);
}
