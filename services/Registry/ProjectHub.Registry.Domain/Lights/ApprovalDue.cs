namespace ProjectHub.Registry.Domain.Lights;

/// <summary>
/// A required approval item not yet approved, with the last calendar day of its time limit. The approvals
/// service turns working-day limits into <see cref="DueOn"/>, so the registry needs no calendar.
/// </summary>
public sealed record ApprovalDue(string Item, DateOnly DueOn);
