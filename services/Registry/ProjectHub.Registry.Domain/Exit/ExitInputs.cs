using ProjectHub.Registry.Domain.Projects;

namespace ProjectHub.Registry.Domain.Exit;

/// <summary>What the exit rules look at for one project.</summary>
/// <param name="RedSince">First day of the current unbroken RED run (from the light history); null when not RED.</param>
/// <param name="ActualStart">Actual construction start; null while not started.</param>
public sealed record ExitInputs(
    string ProjectId,
    ProjectStage Stage,
    DateOnly PlannedStart,
    DateOnly? ActualStart,
    DateOnly? RedSince);
