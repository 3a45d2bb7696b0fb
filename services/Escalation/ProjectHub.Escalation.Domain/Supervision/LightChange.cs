namespace ProjectHub.Escalation.Domain.Supervision;

/// <summary>A project's light moving from <paramref name="From"/> to <paramref name="To"/>.</summary>
public sealed record LightChange(string ProjectId, ProjectLight From, ProjectLight To, DateTimeOffset ChangedAt);
