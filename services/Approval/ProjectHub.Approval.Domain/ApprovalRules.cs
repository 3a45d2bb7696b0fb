namespace ProjectHub.Approval.Domain;

/// <summary>
/// Per-kind approval configuration and investment thresholds. Deployments change these through configuration;
/// <see cref="Default"/> holds the brief's defaults.
/// </summary>
public sealed record ApprovalRules
{
    // Default limits follow common municipal practice of compressed time limits; they are a starting point.
    public static ApprovalRules Default { get; } = new()
    {
        Items = new Dictionary<ApprovalItemKind, ApprovalItemRule>
        {
            [ApprovalItemKind.ProjectProposal] = new(
                ApprovalItemKind.ProjectProposal, "项目建议书", [Department.Drc], 5),
            [ApprovalItemKind.FeasibilityStudy] = new(
                ApprovalItemKind.FeasibilityStudy, "可行性研究报告", [Department.Drc], 10),
            [ApprovalItemKind.PreliminaryDesign] = new(
                ApprovalItemKind.PreliminaryDesign,
                "初步设计",
                [Department.Drc, Department.HousingAndConstruction, Department.NaturalResourcesAndPlanning],
                10),
            [ApprovalItemKind.LandAndPlanning] = new(
                ApprovalItemKind.LandAndPlanning, "一书一证", [Department.NaturalResourcesAndPlanning], 5),
            [ApprovalItemKind.EnvironmentalImpact] = new(
                ApprovalItemKind.EnvironmentalImpact, "环评", [Department.EcologyAndEnvironment], 10),
            [ApprovalItemKind.ConstructionPermit] = new(
                ApprovalItemKind.ConstructionPermit, "施工许可", [Department.HousingAndConstruction], 3),
        }.AsReadOnly(),
    };

    public required IReadOnlyDictionary<ApprovalItemKind, ApprovalItemRule> Items { get; init; }

    public InvestmentThresholds Thresholds { get; init; } = InvestmentThresholds.Default;

    public ApprovalItemRule RuleFor(ApprovalItemKind kind) =>
        Items.TryGetValue(kind, out var rule)
            ? rule
            : throw new InvalidOperationException($"Approval rules have no entry for {kind}.");

    /// <summary>Every approving department of these rules, each once, in the order of the items.</summary>
    public IReadOnlyList<Department> Departments =>
        Enum.GetValues<ApprovalItemKind>().Where(Items.ContainsKey).SelectMany(k => Items[k].Departments)
            .DistinctBy(d => d.Id, StringComparer.Ordinal).ToList();

    /// <summary>
    /// The department <paramref name="idOrName"/> names: its id (any case, "DRC") or its Chinese name ("发改委"), since
    /// tables show the name and people type what they see; null when no department of these rules is meant.
    /// </summary>
    public Department? FindDepartment(string? idOrName)
    {
        var text = idOrName?.Trim() ?? "";
        return text.Length == 0
            ? null
            : Departments.FirstOrDefault(d => string.Equals(d.Id, text, StringComparison.OrdinalIgnoreCase))
                ?? Departments.FirstOrDefault(d => d.Name == text);
    }

    /// <summary>The known departments as a person reads them, for refusals: "DRC（发改委）、…".</summary>
    public string KnownDepartments => string.Join("、", Departments.Select(d => $"{d.Id}（{d.Name}）"));

    /// <summary>A copy with one kind's rule replaced.</summary>
    public ApprovalRules WithItem(ApprovalItemRule rule)
    {
        var items = Items.ToDictionary();
        items[rule.Kind] = rule;
        return this with { Items = items.AsReadOnly() };
    }

    /// <summary>Configuration problems, empty when the rules are usable; meant for startup validation.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        foreach (var kind in Enum.GetValues<ApprovalItemKind>())
        {
            if (!Items.TryGetValue(kind, out var rule))
            {
                problems.Add($"{kind}: no rule.");
                continue;
            }

            if (rule.Kind != kind)
            {
                problems.Add($"{kind}: the rule is for {rule.Kind}.");
            }

            if (rule.TimeLimitWorkingDays < 1)
            {
                problems.Add($"{kind}: time limit must be at least 1 working day.");
            }

            if (rule.Departments.Count == 0)
            {
                problems.Add($"{kind}: at least one department is required.");
            }
            else if (rule.Departments.Select(d => d.Id).Distinct(StringComparer.Ordinal).Count() != rule.Departments.Count)
            {
                problems.Add($"{kind}: a department is listed twice.");
            }
        }

        var t = Thresholds;
        if (t.PreliminaryDesignReplacesFeasibility < 0 || t.NoExpertReview < 0 || t.NoFeasibilityOrDesign < 0)
        {
            problems.Add("Thresholds must not be negative.");
        }

        if (t.NoFeasibilityOrDesign > t.PreliminaryDesignReplacesFeasibility)
        {
            problems.Add("Threshold for skipping both studies exceeds the one for skipping the feasibility study.");
        }

        return problems;
    }
}
