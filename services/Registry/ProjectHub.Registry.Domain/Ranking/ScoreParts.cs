namespace ProjectHub.Registry.Domain.Ranking;

/// <summary>The four parts of a unit's score, each 0–100 with two decimals, published beside the score.</summary>
public sealed record ScoreParts(
    decimal GreenShare,
    decimal InvestmentCompletion,
    decimal OnTimeReporting,
    decimal ProblemResolution);
