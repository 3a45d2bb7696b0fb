namespace ProjectHub.Escalation.Persistence;

/// <summary>
/// A problem's snapshot as columns. <see cref="Version"/> is the optimistic-concurrency token: an update only applies
/// when the stored version is still the one that was read, so two sweepers never both escalate the same deadline.
/// </summary>
public sealed class ProblemRow
{
    public Guid Id { get; set; }
    public string ProjectId { get; set; } = "";
    public string Category { get; set; } = "";
    public string Description { get; set; } = "";
    public string RaisedBy { get; set; } = "";
    public DateTimeOffset RaisedAt { get; set; }

    /// <summary>Sortable copy of <see cref="RaisedAt"/> (SQLite cannot ORDER BY DateTimeOffset).</summary>
    public long RaisedAtMs { get; set; }
    public string Kind { get; set; } = "";
    public int TierIndex { get; set; }

    /// <summary>Denormalised tier id for filtering by tier.</summary>
    public string TierId { get; set; } = "";
    public string State { get; set; } = "";
    public DateTimeOffset TierEnteredAt { get; set; }
    public DateOnly TierDeadline { get; set; }

    /// <summary>Unix ms of 00:00 Shanghai after the deadline: the sweep and the overdue filter compare against it.</summary>
    public long OverdueFromMs { get; set; }
    public string? AcknowledgedBy { get; set; }
    public DateTimeOffset? AcknowledgedAt { get; set; }
    public string? ResolvedBy { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public string? Resolution { get; set; }
    public bool DeadlineNoticeSent { get; set; }
    public DateOnly? LastReminderOn { get; set; }
    public int Version { get; set; }

    /// <summary>
    /// Supervision cases only: the project's light as last published by the registry (RED, YELLOW, GREEN, NONE), so
    /// the case shows whether its project is still RED. Kept by the light consumer, not by the aggregate: it is a
    /// fact about the project the case follows, not part of the problem's own state machine.
    /// </summary>
    public string? ProjectLight { get; set; }
}
