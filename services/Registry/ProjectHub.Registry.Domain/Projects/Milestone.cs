namespace ProjectHub.Registry.Domain.Projects;

/// <summary>A baseline point: by <see cref="PlannedDate"/> the project should be <see cref="CumulativePercent"/> % done.</summary>
public sealed record Milestone(string Name, DateOnly PlannedDate, decimal CumulativePercent);
