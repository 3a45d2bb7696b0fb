using ProjectHub.Registry.Domain.Lights;
using ProjectHub.Registry.Domain.Projects;
using static ProjectHub.Registry.Tests.Domain.Dates;

namespace ProjectHub.Registry.Tests.Domain.Lights;

/// <summary>Inputs that are GREEN on any day, so each test can break exactly one rule.</summary>
internal static class LightInputsBuilder
{
    // Planned start Jan 1 2025. On 2025-03-01 the plan is exactly 40 %, which keeps lag arithmetic readable.
    public static readonly ProjectSchedule Schedule = new(D("2025-01-01"), D("2025-12-31"), new Baseline(
    [
        new Milestone("Foundation", D("2025-03-01"), 40m),
        new Milestone("Structure", D("2025-06-01"), 70m),
        new Milestone("Completion", D("2025-12-31"), 100m),
    ]));

    /// <summary>Under construction, started, reported today exactly on plan, every due milestone reached.</summary>
    public static LightInputs OnTrack(DateOnly today) => new()
    {
        Stage = ProjectStage.UnderConstruction,
        Schedule = Schedule,
        RegisteredOn = D("2024-12-01"),
        ActualStart = D("2025-01-05"),
        LastReportOn = today,
        ReportedPercent = Schedule.PlannedPercentOn(today),
        ReachedMilestones = Schedule.Baseline.Milestones.Where(m => m.PlannedDate <= today).Select(m => m.Name).ToList(),
    };
}
