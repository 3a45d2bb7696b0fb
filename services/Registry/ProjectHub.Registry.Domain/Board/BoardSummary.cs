using ProjectHub.Registry.Domain.Lights;
using ProjectHub.Registry.Domain.Projects;

namespace ProjectHub.Registry.Domain.Board;

/// <summary>
/// Light counts by dimension and investment totals. <see cref="CompletionPercent"/> is year-to-date completed over
/// this year's plan × 100, two decimals, not capped (the board states facts; capping is for scoring), and null when
/// nothing is planned this year.
/// </summary>
public sealed record BoardSummary(
    LightCounts Totals,
    IReadOnlyDictionary<string, LightCounts> ByDepartment,
    IReadOnlyDictionary<string, LightCounts> ByLocality,
    IReadOnlyDictionary<string, LightCounts> ByLeader,
    IReadOnlyDictionary<ProjectTier, LightCounts> ByTier,
    decimal TotalInvestment,
    decimal YearPlannedInvestment,
    decimal YearToDateCompleted,
    decimal? CompletionPercent);
