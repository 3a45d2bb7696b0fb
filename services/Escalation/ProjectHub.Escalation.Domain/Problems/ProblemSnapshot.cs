namespace ProjectHub.Escalation.Domain.Problems;

/// <summary>A problem's full state, for persistence; <see cref="Problem.Restore"/> turns it back into the aggregate.</summary>
public sealed record ProblemSnapshot(
    Guid Id,
    string ProjectId,
    ProblemCategory Category,
    string Description,
    string RaisedBy,
    DateTimeOffset RaisedAt,
    ProblemKind Kind,
    int TierIndex,
    ProblemState State,
    DateTimeOffset TierEnteredAt,
    DateOnly TierDeadline,
    string? AcknowledgedBy,
    DateTimeOffset? AcknowledgedAt,
    string? ResolvedBy,
    DateTimeOffset? ResolvedAt,
    string? Resolution,
    bool DeadlineNoticeSent,
    DateOnly? LastReminderOn,
    int Version);
