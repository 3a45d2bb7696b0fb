using ProjectHub.Registry.Domain.Board;
using ProjectHub.Registry.Domain.Lights;
using ProjectHub.Registry.Domain.Projects;

namespace ProjectHub.Registry.Board;

/// <summary>Projects of one department, locality, leader, tier and light, as the database counted and summed them.</summary>
public sealed record BoardGroup(
    string IndustryDepartment,
    string Locality,
    string LeaderInCharge,
    string Tier,
    string Light,
    int Count,
    decimal TotalInvestment,
    decimal YearPlannedInvestment);

/// <summary>
/// Folds the database's groups into the board, with the same figures <see cref="BoardAggregator"/> gives for the
/// projects one by one (ordinal-sorted keys, completion over plan × 100 to two decimals, null when nothing is planned).
/// </summary>
public static class BoardGroups
{
    public static BoardSummary Summarise(IEnumerable<BoardGroup> groups, decimal yearToDateCompleted)
    {
        var totals = new LightCounts();
        var byDepartment = new SortedDictionary<string, LightCounts>(StringComparer.Ordinal);
        var byLocality = new SortedDictionary<string, LightCounts>(StringComparer.Ordinal);
        var byLeader = new SortedDictionary<string, LightCounts>(StringComparer.Ordinal);
        var byTier = new SortedDictionary<ProjectTier, LightCounts>();
        decimal total = 0m, planned = 0m;

        foreach (var g in groups)
        {
            var light = Enum.Parse<Light>(g.Light);
            totals = Add(totals, light, g.Count);
            Count(byDepartment, g.IndustryDepartment, light, g.Count);
            Count(byLocality, g.Locality, light, g.Count);
            Count(byLeader, g.LeaderInCharge, light, g.Count);
            Count(byTier, Enum.Parse<ProjectTier>(g.Tier), light, g.Count);
            total += g.TotalInvestment;
            planned += g.YearPlannedInvestment;
        }

        decimal? ratio = planned == 0m ? null : Math.Round(yearToDateCompleted / planned * 100m, 2, MidpointRounding.AwayFromZero);
        return new BoardSummary(totals, byDepartment, byLocality, byLeader, byTier, total, planned, yearToDateCompleted, ratio);
    }

    private static LightCounts Add(LightCounts counts, Light light, int n) => light switch
    {
        Light.Red => counts with { Red = counts.Red + n },
        Light.Yellow => counts with { Yellow = counts.Yellow + n },
        Light.Green => counts with { Green = counts.Green + n },
        _ => counts with { Unlit = counts.Unlit + n },
    };

    private static void Count<TKey>(IDictionary<TKey, LightCounts> counts, TKey key, Light light, int n)
        where TKey : notnull =>
        counts[key] = Add(counts.TryGetValue(key, out var current) ? current : new LightCounts(), light, n);
}
