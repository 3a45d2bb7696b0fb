using System.Globalization;
using ProjectHub.Approval.Domain;

namespace ProjectHub.Approval.Configuration;

/// <summary>
/// Reads <see cref="ApprovalRules"/> from "Approval:Rules", starting from the domain defaults; anything not set keeps
/// its default. Shape:
/// <code>
/// Approval:Rules:Thresholds:PreliminaryDesignReplacesFeasibility = 3000   (万元, also NoExpertReview, NoFeasibilityOrDesign)
/// Approval:Rules:Departments:{ID} = 名称                                   (adds or renames a department)
/// Approval:Rules:Items:{Kind}:DisplayName | TimeLimitWorkingDays | Departments:0..n = {ID}
/// </code>
/// </summary>
public static class ApprovalRulesConfiguration
{
    public const string Section = "Approval:Rules";

    /// <exception cref="InvalidOperationException">The configured rules are unusable (stops start-up).</exception>
    public static ApprovalRules Read(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var rules = ApprovalRules.Default;

        var departments = rules.Items.Values.SelectMany(r => r.Departments)
            .DistinctBy(d => d.Id)
            .ToDictionary(d => d.Id, StringComparer.Ordinal);
        foreach (var child in section.GetSection("Departments").GetChildren())
        {
            departments[child.Key] = new Department(child.Key, child.Value ?? child.Key);
        }

        var thresholds = section.GetSection("Thresholds");
        rules = rules with
        {
            Thresholds = new InvestmentThresholds
            {
                PreliminaryDesignReplacesFeasibility = Decimal(thresholds, "PreliminaryDesignReplacesFeasibility", rules.Thresholds.PreliminaryDesignReplacesFeasibility),
                NoExpertReview = Decimal(thresholds, "NoExpertReview", rules.Thresholds.NoExpertReview),
                NoFeasibilityOrDesign = Decimal(thresholds, "NoFeasibilityOrDesign", rules.Thresholds.NoFeasibilityOrDesign),
            },
        };

        foreach (var itemSection in section.GetSection("Items").GetChildren())
        {
            if (!Enum.TryParse<ApprovalItemKind>(itemSection.Key, ignoreCase: false, out var kind))
            {
                throw new InvalidOperationException($"{Section}:Items:{itemSection.Key} is not an approval item kind.");
            }

            var current = rules.RuleFor(kind);
            var ids = itemSection.GetSection("Departments").GetChildren().Select(c => c.Value ?? "").ToList();
            var itemDepartments = ids.Count == 0
                ? current.Departments
                : ids.Select(id => departments.TryGetValue(id, out var d)
                    ? d
                    : throw new InvalidOperationException($"{Section}:Items:{kind}: unknown department '{id}'.")).ToList();
            var limit = itemSection["TimeLimitWorkingDays"] is { } text
                ? int.Parse(text, CultureInfo.InvariantCulture)
                : current.TimeLimitWorkingDays;
            rules = rules.WithItem(new ApprovalItemRule(kind, itemSection["DisplayName"] ?? current.DisplayName, itemDepartments, limit));
        }

        // Department renames apply to items that were not configured explicitly too.
        foreach (var kind in Enum.GetValues<ApprovalItemKind>())
        {
            var rule = rules.RuleFor(kind);
            rules = rules.WithItem(rule with { Departments = rule.Departments.Select(d => departments[d.Id]).ToList() });
        }

        var problems = rules.Validate();
        return problems.Count == 0
            ? rules
            : throw new InvalidOperationException($"{Section} is invalid: " + string.Join(" ", problems));
    }

    private static decimal Decimal(IConfiguration section, string key, decimal fallback) =>
        section[key] is { } text ? decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture) : fallback;
}
