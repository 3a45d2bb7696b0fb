namespace ProjectHub.Escalation.Persistence;

/// <summary>
/// An alert stored before delivery. <see cref="Sequence"/> (database-generated) is the delivery order;
/// <see cref="AlertId"/> is the domain's deterministic id and is unique, so a redelivered trigger cannot store twice.
/// </summary>
public sealed class AlertRow
{
    public long Sequence { get; set; }
    public string AlertId { get; set; } = "";
    public string RecipientId { get; set; } = "";
    public string Code { get; set; } = "";
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";
    public string ProjectId { get; set; } = "";
    public Guid? ProblemId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? AcknowledgedAt { get; set; }
    public string? AcknowledgedBy { get; set; }
}
