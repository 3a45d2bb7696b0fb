using ProjectHub.Registry.Domain.Projects;

namespace ProjectHub.Registry.Domain.Lights;

/// <summary>What the light rules look at, gathered by the caller from the project and its reports.</summary>
public sealed record LightInputs
{
    public required ProjectStage Stage { get; init; }

    public required ProjectSchedule Schedule { get; init; }

    /// <summary>The day the project entered the registry; a project is not late to report before it existed.</summary>
    public required DateOnly RegisteredOn { get; init; }

    /// <summary>Actual construction start; null while construction has not started.</summary>
    public DateOnly? ActualStart { get; init; }

    /// <summary>The day the latest progress report was submitted; null if none ever was.</summary>
    public DateOnly? LastReportOn { get; init; }

    /// <summary>Cumulative percent complete from the latest report; null if none ever was.</summary>
    public decimal? ReportedPercent { get; init; }

    /// <summary>First day of the current, unbroken run of SUSPENDED reports; null when not suspended.</summary>
    public DateOnly? SuspendedSince { get; init; }

    /// <summary>Names of the baseline milestones reported as reached.</summary>
    public IReadOnlyCollection<string> ReachedMilestones { get; init; } = [];

    /// <summary>Required approval items not yet approved.</summary>
    public IReadOnlyList<ApprovalDue> OpenApprovals { get; init; } = [];
}
