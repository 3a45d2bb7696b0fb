namespace ProjectHub.Registry.Domain.Ranking;

/// <summary>
/// How much each score part counts. Defaults favour outcomes over paperwork: projects on track 0.4, money spent
/// against plan 0.3, reports on time 0.2, speed of problem resolution 0.1. Weights need not add up to 1: the
/// score divides by their sum, so it always stays within 0–100.
/// </summary>
public sealed class RankingWeights
{
    public static RankingWeights Default { get; } = new();

    public decimal GreenShare { get; init; } = 0.4m;

    public decimal InvestmentCompletion { get; init; } = 0.3m;

    public decimal OnTimeReporting { get; init; } = 0.2m;

    public decimal ProblemResolution { get; init; } = 0.1m;

    /// <summary>
    /// Median working days to resolve a problem that earns full marks. Default 3: the first ladder tier's limit,
    /// i.e. problems settled by the unit itself, on time.
    /// </summary>
    public decimal TargetResolutionWorkingDays { get; init; } = 3m;

    internal decimal Sum => GreenShare + InvestmentCompletion + OnTimeReporting + ProblemResolution;

    internal void EnsureValid()
    {
        if (GreenShare < 0 || InvestmentCompletion < 0 || OnTimeReporting < 0 || ProblemResolution < 0 || Sum <= 0)
        {
            throw new ArgumentException("Ranking weights must not be negative and must not all be zero.");
        }

        if (TargetResolutionWorkingDays <= 0)
        {
            throw new ArgumentException("The target resolution working days must be positive.");
        }
    }
}
