namespace ProjectHub.Registry.Domain.Progress;

/// <summary>A baseline milestone the owner reports as reached, on <see cref="ActualDate"/>.</summary>
public sealed record MilestoneReached(string Name, DateOnly ActualDate);
