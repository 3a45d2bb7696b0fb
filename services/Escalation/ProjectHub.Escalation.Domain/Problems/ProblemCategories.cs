namespace ProjectHub.Escalation.Domain.Problems;

/// <summary>Wire codes (<c>LAND</c>…) and Chinese names (用地…) of <see cref="ProblemCategory"/>.</summary>
public static class ProblemCategories
{
    public static string Code(ProblemCategory category) => category switch
    {
        ProblemCategory.Land => "LAND",
        ProblemCategory.Demolition => "DEMOLITION",
        ProblemCategory.Labour => "LABOUR",
        ProblemCategory.Funding => "FUNDING",
        ProblemCategory.Approvals => "APPROVALS",
        ProblemCategory.Materials => "MATERIALS",
        ProblemCategory.Utilities => "UTILITIES",
        ProblemCategory.Other => "OTHER",
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, "Unknown problem category."),
    };

    public static string ChineseName(ProblemCategory category) => category switch
    {
        ProblemCategory.Land => "用地",
        ProblemCategory.Demolition => "征迁",
        ProblemCategory.Labour => "用工",
        ProblemCategory.Funding => "资金",
        ProblemCategory.Approvals => "审批",
        ProblemCategory.Materials => "材料",
        ProblemCategory.Utilities => "水电气",
        ProblemCategory.Other => "其他",
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, "Unknown problem category."),
    };

    /// <summary>The category with wire code <paramref name="code"/> (case-insensitive), or null.</summary>
    public static ProblemCategory? FromCode(string code) =>
        Enum.GetValues<ProblemCategory>()
            .Select(c => (ProblemCategory?)c)
            .FirstOrDefault(c => string.Equals(Code(c!.Value), code, StringComparison.OrdinalIgnoreCase));
}
