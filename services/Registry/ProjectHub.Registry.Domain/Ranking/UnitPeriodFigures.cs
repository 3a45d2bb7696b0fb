using ProjectHub.Registry.Domain.Lights;

namespace ProjectHub.Registry.Domain.Ranking;

/// <summary>
/// One responsible unit's figures for a ranking period. Money in 万元. <see cref="ResolutionWorkingDays"/> holds,
/// per problem resolved in the period, the working days from raising to resolution.
/// </summary>
public sealed record UnitPeriodFigures(
    string Unit,
    LightCounts Projects,
    decimal InvestmentCompleted,
    decimal InvestmentPlanned,
    int ReportsDue,
    int ReportsOnTime,
    IReadOnlyList<int> ResolutionWorkingDays);
