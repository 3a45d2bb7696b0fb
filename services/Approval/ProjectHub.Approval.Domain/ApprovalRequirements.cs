namespace ProjectHub.Approval.Domain;

/// <summary>Decides which items a project needs from its investment and funding.</summary>
public static class ApprovalRequirements
{
    /// <param name="totalInvestment">Total investment in 万元.</param>
    /// <param name="governmentInvested">Thresholds apply only to government-invested projects.</param>
    /// <param name="greenChannel">Halves every time limit, rounding up.</param>
    /// <exception cref="ProjectHub.Domain.DomainException"><see cref="ApprovalErrorReason.InvalidInvestment"/> when negative.</exception>
    /// <exception cref="InvalidOperationException">The rules fail <see cref="ApprovalRules.Validate"/>.</exception>
    public static RequiredApprovals Determine(
        decimal totalInvestment,
        bool governmentInvested,
        bool greenChannel,
        ApprovalRules rules)
    {
        if (totalInvestment < 0)
        {
            throw ApprovalErrors.Refusal(
                ApprovalErrorReason.InvalidInvestment, "总投资不能为负数。", "totalInvestment");
        }

        var problems = rules.Validate();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("Invalid approval rules: " + string.Join(" ", problems));
        }

        var t = rules.Thresholds;
        var skipBoth = governmentInvested && totalInvestment <= t.NoFeasibilityOrDesign;
        var designReplacesFeasibility = governmentInvested && !skipBoth
            && totalInvestment <= t.PreliminaryDesignReplacesFeasibility;
        var expertReview = !(governmentInvested && totalInvestment <= t.NoExpertReview);

        var items = new List<RequiredItem>();
        foreach (var kind in Enum.GetValues<ApprovalItemKind>())
        {
            var skipped = kind switch
            {
                ApprovalItemKind.FeasibilityStudy => skipBoth || designReplacesFeasibility,
                ApprovalItemKind.PreliminaryDesign => skipBoth,
                _ => false,
            };
            if (!skipped)
            {
                var rule = rules.RuleFor(kind);
                var limit = greenChannel ? GreenChannel.Halve(rule.TimeLimitWorkingDays) : rule.TimeLimitWorkingDays;
                items.Add(new RequiredItem(kind, rule.DisplayName, rule.Departments, rule.TimeLimitWorkingDays, limit));
            }
        }

        return new RequiredApprovals(items.AsReadOnly(), expertReview, designReplacesFeasibility);
    }
}
