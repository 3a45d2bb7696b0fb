namespace ProjectHub.Registry.Domain.Ranking;

/// <summary>The four parts of a unit's score, each 0–100 with two decimals, published beside the score.</summary>
/// <param name="ProblemResolution">Null when no problem was resolved in the period: not scored (see <see cref="UnitRanking"/>).</param>
public sealed record ScoreParts(
    decimal GreenShare,
    decimal InvestmentCompletion,
    decimal OnTimeReporting,
    decimal? ProblemResolution);
