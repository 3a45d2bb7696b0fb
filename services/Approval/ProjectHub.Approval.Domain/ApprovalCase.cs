using ProjectHub.Calendar;

namespace ProjectHub.Approval.Domain;

/// <summary>A project's approvals: which items it needs and where each stands.</summary>
public sealed class ApprovalCase
{
    private ApprovalCase(
        string projectId,
        decimal totalInvestment,
        bool governmentInvested,
        bool greenChannel,
        RequiredApprovals requirements)
    {
        ProjectId = projectId;
        TotalInvestment = totalInvestment;
        GovernmentInvested = governmentInvested;
        GreenChannel = greenChannel;
        Requirements = requirements;
        Items = requirements.Items.Select(r => new ApprovalItem(r)).ToList().AsReadOnly();
    }

    public string ProjectId { get; }

    /// <summary>万元.</summary>
    public decimal TotalInvestment { get; }

    public bool GovernmentInvested { get; }

    public bool GreenChannel { get; }

    public RequiredApprovals Requirements { get; }

    public bool ExpertReviewRequired => Requirements.ExpertReviewRequired;

    public bool PreliminaryDesignInPlaceOfFeasibility => Requirements.PreliminaryDesignInPlaceOfFeasibility;

    public IReadOnlyList<ApprovalItem> Items { get; }

    /// <summary>具备开工条件: every required item is approved.</summary>
    public bool IsReadyToStartConstruction => Items.All(i => i.State == ApprovalItemState.Approved);

    /// <exception cref="ProjectHub.Domain.DomainException">Negative investment.</exception>
    public static ApprovalCase Open(
        string projectId,
        decimal totalInvestment,
        bool governmentInvested,
        bool greenChannel,
        ApprovalRules rules)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(projectId);
        var requirements = ApprovalRequirements.Determine(totalInvestment, governmentInvested, greenChannel, rules);
        return new ApprovalCase(projectId, totalInvestment, governmentInvested, greenChannel, requirements);
    }

    /// <exception cref="ProjectHub.Domain.DomainException"><see cref="ApprovalErrorReason.ItemNotRequired"/>.</exception>
    public ApprovalItem Item(ApprovalItemKind kind) =>
        Items.FirstOrDefault(i => i.Kind == kind)
        ?? throw ApprovalErrors.Refusal(
            ApprovalErrorReason.ItemNotRequired, $"项目 {ProjectId} 无需办理{ApprovalRules.Default.RuleFor(kind).DisplayName}。", "kind");

    /// <summary>Items past their time limit as of <paramref name="today"/> (they turn the project's light yellow).</summary>
    public IReadOnlyList<ApprovalItem> OverdueItems(IWorkingCalendar calendar, DateOnly today) =>
        Items.Where(i => i.Clock(calendar, today).IsOverdue).ToList().AsReadOnly();
}
