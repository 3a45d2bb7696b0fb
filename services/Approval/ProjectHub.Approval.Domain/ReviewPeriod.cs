namespace ProjectHub.Approval.Domain;

/// <summary>
/// A span in which the clock ran: from acceptance until the item was returned or approved (null while running).
/// Dates are Asia/Shanghai calendar dates.
/// </summary>
public sealed record ReviewPeriod(DateOnly AcceptedOn, DateOnly? EndedOn);
