namespace ProjectHub.Approval.Domain;

/// <summary>
/// Total-investment thresholds in 万元, each inclusive (≤), under which a government-invested project skips
/// steps. They do not apply to other projects.
/// </summary>
public sealed record InvestmentThresholds
{
    public static InvestmentThresholds Default { get; } = new();

    /// <summary>At or below: preliminary design is approved in place of the feasibility study (代可研).</summary>
    public decimal PreliminaryDesignReplacesFeasibility { get; init; } = 3000m;

    /// <summary>At or below: no expert review.</summary>
    public decimal NoExpertReview { get; init; } = 1000m;

    /// <summary>At or below: neither feasibility study nor preliminary design approval.</summary>
    public decimal NoFeasibilityOrDesign { get; init; } = 400m;
}
