using ProjectHub.Registry.Domain.Lights;
using ProjectHub.Registry.Domain.Projects;

namespace ProjectHub.Registry.Domain.Board;

/// <summary>One project's line on the battle map (挂图作战). Money in 万元.</summary>
public sealed record BoardProject(
    Light Light,
    string IndustryDepartment,
    string Locality,
    string LeaderInCharge,
    ProjectTier Tier,
    decimal TotalInvestment,
    decimal YearPlannedInvestment,
    decimal YearToDateCompleted);
