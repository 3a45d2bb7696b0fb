namespace ProjectHub.Registry.Domain.Projects;

/// <summary>
/// What a register or edit request carries, before it is trusted. Money is in 万元. Property names map one to
/// one onto the proto's snake_case fields used in <see cref="ProjectValidator"/>'s violations.
/// </summary>
public sealed record ProjectDraft
{
    public string? NationalCode { get; init; }
    public string Name { get; init; } = "";
    public ProjectTier Tier { get; init; }
    public string? Industry { get; init; }
    public string? Locality { get; init; }
    public string? OwnerUnit { get; init; }
    public string? ResponsibleUnit { get; init; }
    public string? IndustryDepartment { get; init; }
    public string? LeaderInCharge { get; init; }
    public string? ResponsiblePerson { get; init; }
    public string? ResponsibleContact { get; init; }
    public decimal TotalInvestment { get; init; }
    public decimal YearPlannedInvestment { get; init; }
    public DateOnly PlannedStart { get; init; }
    public DateOnly PlannedCompletion { get; init; }
    public Baseline Baseline { get; init; } = Baseline.Empty;
}
