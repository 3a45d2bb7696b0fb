namespace ProjectHub.Approval.Domain;

/// <summary>What a project must obtain before it may start construction.</summary>
/// <param name="Items">Required items in <see cref="ApprovalItemKind"/> order.</param>
/// <param name="ExpertReviewRequired">False for government-invested projects at or below the expert-review threshold.</param>
/// <param name="PreliminaryDesignInPlaceOfFeasibility">
/// 代可研: the feasibility study is skipped and the preliminary design approval stands in for it.
/// </param>
public sealed record RequiredApprovals(
    IReadOnlyList<RequiredItem> Items,
    bool ExpertReviewRequired,
    bool PreliminaryDesignInPlaceOfFeasibility)
{
    public bool Requires(ApprovalItemKind kind) => Items.Any(i => i.Kind == kind);
}
