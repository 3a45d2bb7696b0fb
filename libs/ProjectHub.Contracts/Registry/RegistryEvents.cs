namespace ProjectHub.Contracts.Registry;

/// <summary>A project was put on the key-project list.</summary>
public sealed record ProjectRegistered(
    Guid EventId, DateTimeOffset OccurredAt, ProjectRouting Project, string Tier, string Stage,
    decimal TotalInvestment, decimal YearPlannedInvestment, DateOnly PlannedStart, DateOnly PlannedCompletion,
    string RegisteredBy) : IIntegrationEvent;

/// <summary>A project's details changed (field mask applied), with the reason given.</summary>
public sealed record ProjectUpdated(
    Guid EventId, DateTimeOffset OccurredAt, ProjectRouting Project, IReadOnlyList<string> ChangedFields,
    string Reason, string UpdatedBy) : IIntegrationEvent;

/// <summary>A project moved between stages (储备 → 前期 → 在建 → 竣工, or 退出).</summary>
public sealed record ProjectStageChanged(
    Guid EventId, DateTimeOffset OccurredAt, ProjectRouting Project, string From, string To,
    string Reason, string ChangedBy) : IIntegrationEvent;

/// <summary>A project left the list through the exit mechanism (退出机制).</summary>
public sealed record ProjectExited(
    Guid EventId, DateTimeOffset OccurredAt, ProjectRouting Project, string Reason, string ExitedBy) : IIntegrationEvent;

/// <summary>An owner's progress report for a period was accepted (new, or replacing an earlier version).</summary>
public sealed record ProgressReported(
    Guid EventId, DateTimeOffset OccurredAt, ProjectRouting Project, string Period, int Version,
    decimal CumulativePercent, decimal InvestmentInPeriod, decimal CumulativeInvestment, string ConstructionState,
    IReadOnlyList<string> Problems, string ReportedBy) : IIntegrationEvent;

/// <summary>One reason behind a light: a stable code and a sentence for people.</summary>
public sealed record LightReasonDto(string Code, string Light, string Message);

/// <summary>A project's warning light changed colour (红黄灯预警).</summary>
public sealed record ProjectLightChanged(
    Guid EventId, DateTimeOffset OccurredAt, ProjectRouting Project, string From, string To,
    IReadOnlyList<LightReasonDto> Reasons, decimal? PlannedPercent, decimal? ActualPercent) : IIntegrationEvent;
