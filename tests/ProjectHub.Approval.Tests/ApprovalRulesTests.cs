using ProjectHub.Approval.Domain;

namespace ProjectHub.Approval.Tests;

public class ApprovalRulesTests
{
    [Fact]
    public void Defaults_are_valid_and_cover_every_kind()
    {
        Assert.Empty(ApprovalRules.Default.Validate());
        Assert.Equal(Enum.GetValues<ApprovalItemKind>().Length, ApprovalRules.Default.Items.Count);
        Assert.Equal(3000m, ApprovalRules.Default.Thresholds.PreliminaryDesignReplacesFeasibility);
        Assert.Equal(1000m, ApprovalRules.Default.Thresholds.NoExpertReview);
        Assert.Equal(400m, ApprovalRules.Default.Thresholds.NoFeasibilityOrDesign);
    }

    [Fact]
    public void With_item_replaces_one_rule_and_leaves_default_alone()
    {
        var rules = ApprovalRules.Default.WithItem(new ApprovalItemRule(
            ApprovalItemKind.LandAndPlanning, "一书一证", [Department.NaturalResourcesAndPlanning], 2));

        Assert.Equal(2, rules.RuleFor(ApprovalItemKind.LandAndPlanning).TimeLimitWorkingDays);
        Assert.Equal(5, ApprovalRules.Default.RuleFor(ApprovalItemKind.LandAndPlanning).TimeLimitWorkingDays);
    }

    [Fact]
    public void Invalid_rules_are_reported_and_refused()
    {
        var rules = ApprovalRules.Default
            .WithItem(new ApprovalItemRule(ApprovalItemKind.ConstructionPermit, "施工许可", [], 0))
            .WithItem(new ApprovalItemRule(ApprovalItemKind.EnvironmentalImpact, "环评", [Department.Drc, Department.Drc], 5));
        rules = rules with { Thresholds = new InvestmentThresholds { NoFeasibilityOrDesign = 5000m } };

        var problems = rules.Validate();

        Assert.Contains(problems, p => p.Contains("ConstructionPermit: time limit", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("ConstructionPermit: at least one department", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("EnvironmentalImpact: a department is listed twice", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("exceeds", StringComparison.Ordinal));
        Assert.Throws<InvalidOperationException>(() => ApprovalRequirements.Determine(100m, true, false, rules));
    }

    [Fact]
    public void Missing_kind_is_reported()
    {
        var rules = ApprovalRules.Default with
        {
            Items = ApprovalRules.Default.Items
                .Where(p => p.Key != ApprovalItemKind.ProjectProposal)
                .ToDictionary(),
        };

        Assert.Contains("ProjectProposal: no rule.", rules.Validate());
    }
}
