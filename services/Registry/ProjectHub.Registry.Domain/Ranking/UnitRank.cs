namespace ProjectHub.Registry.Domain.Ranking;

/// <summary>A row of the ranking. Ranks are 1, 2, 3, ... with no shared places: ties are broken deterministically.</summary>
public sealed record UnitRank(
    int Rank,
    string Unit,
    decimal Score,
    ScoreParts Parts,
    decimal? MedianResolutionWorkingDays);
