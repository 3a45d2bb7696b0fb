using Microsoft.Extensions.Configuration;
using ProjectHub.Approval.Domain;
using ProjectHub.Approval.Configuration;

namespace ProjectHub.Approval.Tests.Service;

public sealed class RulesConfigurationTests
{
    private static IConfiguration Config(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    [Fact]
    public void Nothing_configured_gives_the_domain_defaults()
    {
        var rules = ApprovalRulesConfiguration.Read(Config([]));

        Assert.Equal(ApprovalRules.Default.Thresholds, rules.Thresholds);
        Assert.Equal(10, rules.RuleFor(ApprovalItemKind.FeasibilityStudy).TimeLimitWorkingDays);
        Assert.Equal(3, rules.RuleFor(ApprovalItemKind.PreliminaryDesign).Departments.Count);
    }

    [Fact]
    public void Thresholds_limits_and_departments_come_from_Approval_Rules()
    {
        var rules = ApprovalRulesConfiguration.Read(Config(new()
        {
            ["Approval:Rules:Thresholds:NoExpertReview"] = "800.5",
            ["Approval:Rules:Departments:TRANSPORT"] = "交通局",
            ["Approval:Rules:Departments:DRC"] = "市发展和改革委员会",
            ["Approval:Rules:Items:ConstructionPermit:TimeLimitWorkingDays"] = "2",
            ["Approval:Rules:Items:ConstructionPermit:Departments:0"] = "HOUSING_CONSTRUCTION",
            ["Approval:Rules:Items:ConstructionPermit:Departments:1"] = "TRANSPORT",
        }));

        Assert.Equal(800.5m, rules.Thresholds.NoExpertReview);
        Assert.Equal(3000m, rules.Thresholds.PreliminaryDesignReplacesFeasibility);
        var permit = rules.RuleFor(ApprovalItemKind.ConstructionPermit);
        Assert.Equal(2, permit.TimeLimitWorkingDays);
        Assert.Equal(["HOUSING_CONSTRUCTION", "TRANSPORT"], permit.Departments.Select(d => d.Id).ToArray());
        Assert.Equal("市发展和改革委员会", rules.RuleFor(ApprovalItemKind.ProjectProposal).Departments.Single().Name);
    }

    [Fact]
    public void Unusable_rules_stop_start_up()
    {
        Assert.Throws<InvalidOperationException>(() => ApprovalRulesConfiguration.Read(Config(new()
        {
            ["Approval:Rules:Items:ConstructionPermit:TimeLimitWorkingDays"] = "0",
        })));
        Assert.Throws<InvalidOperationException>(() => ApprovalRulesConfiguration.Read(Config(new()
        {
            ["Approval:Rules:Items:ConstructionPermit:Departments:0"] = "NOBODY",
        })));
    }
}
